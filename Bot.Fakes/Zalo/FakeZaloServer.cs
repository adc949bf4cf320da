using Microsoft.AspNetCore.Builder;

namespace ChatPay.Fakes.Zalo;

/// <summary>
/// Zalo's OA API (the customer-service send) and OAuth server (the token refresh) on one loopback port, answering as
/// Zalo does: HTTP 200 with a negative error code for every refusal, single-use refresh tokens, the 7-day interaction
/// window, a per-OA send rate. Tests act as users (<see cref="Follow"/>, or <see cref="ZaloWebhookDriver"/> for the
/// webhook) and read what the bot did (<see cref="Sent"/>, <see cref="Calls"/>). Thread-safe.
/// </summary>
public sealed class FakeZaloServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Tokens _tokens;
    private readonly FollowerBook _followers;
    private readonly ZnsBook _zns;
    private readonly Faults _faults = new();
    private readonly ZaloEndpoint _endpoint;

    private FakeZaloServer(FakeZaloOptions options, WebApplication app)
    {
        Options = options;
        _app = app;
        _tokens = new Tokens(options);
        _followers = new FollowerBook(options);
        _zns = new ZnsBook(options);
        _endpoint = new ZaloEndpoint(options, _tokens, _followers, _zns, _faults, _stopping.Token);
    }

    public FakeZaloOptions Options { get; }

    /// <summary>"http://127.0.0.1:PORT": both Zalo:ApiBaseUrl (openapi.zalo.me) and Zalo:OAuthBaseUrl (oauth.zaloapp.com).</summary>
    public string BaseUrl { get; private set; } = "";

    public string CurrentAccessToken => _tokens.Access;

    /// <summary>The one refresh token that works now; what the bot must have persisted after its last refresh.</summary>
    public string CurrentRefreshToken => _tokens.Refresh;

    /// <summary>Successful token refreshes.</summary>
    public int Refreshes => _tokens.Refreshes;

    /// <summary>Every call with the fake's answer, in the order answered (a delayed answer is logged before its delay).</summary>
    public IReadOnlyList<ZaloCall> Calls => _endpoint.Calls;

    public static async Task<FakeZaloServer> StartAsync(FakeZaloOptions? options = null)
    {
        options ??= new FakeZaloOptions();
        // A bucket that never refills would refuse forever rather than fail the test that misconfigured it.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MessagesPerSecond, nameof(options.MessagesPerSecond));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MessagesBurst, nameof(options.MessagesBurst));
        var app = LoopbackApp.Create();
        var server = new FakeZaloServer(options, app);
        app.Run(server._endpoint.HandleAsync);
        server.BaseUrl = await LoopbackApp.StartAsync(app);
        return server;
    }

    /// <summary>Keeps a picture a user sends and returns the address Zalo gives it in the webhook event.</summary>
    public string StoreImage(byte[] jpeg)
    {
        var path = $"{ZaloPaths.Images}{Guid.NewGuid():N}.jpg";
        _endpoint.Images[path] = jpeg;
        return BaseUrl + path;
    }

    /// <summary>A Zalo account with this phone ("84…"): ZNS reaches it (others get -118). An admin gets development-mode messages too.</summary>
    public void RegisterPhone(string phone, bool admin = false) => _zns.RegisterPhone(phone, admin);

    /// <summary>ZNS messages the OA may still send today (0: -144).</summary>
    public void SetZnsQuota(int remaining) => _zns.SetQuota(remaining);

    /// <summary>Every ZNS message accepted, in order.</summary>
    public IReadOnlyList<ZnsSent> ZnsSent => _zns.Sent;

    /// <summary>Waits for a ZNS message that satisfies the condition.</summary>
    public async Task<ZnsSent> WaitForZnsAsync(Func<ZnsSent, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var next = _zns.Changed.Next;
            if (_zns.Sent.FirstOrDefault(condition) is { } found) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("No such ZNS message was sent.");
            await Task.WhenAny(next, Task.Delay(left));
        }
    }

    /// <summary>The current access token now gets -216, as if its 25 hours had passed; the refresh token still works.</summary>
    public void ExpireAccessToken() => _tokens.Expire();

    /// <summary>The user follows the OA and so interacts now; following again after an unfollow works too.</summary>
    public void Follow(string userId) => _followers.Follow(userId);

    /// <summary>The user unfollows; sends then get -213 until they follow again.</summary>
    public void Unfollow(string userId) => _followers.Unfollow(userId);

    /// <summary>The user interacts (writes, taps) now, which opens their 7-day window again; it does not make them follow.</summary>
    public void Interacted(string userId) => _followers.Interacted(userId);

    /// <summary>Sends to the user get -230 until the user interacts again, whatever the clock says.</summary>
    public void PutOutsideWindow(string userId) => _followers.PutOutsideWindow(userId);

    /// <summary>The messages the fake accepted for the user, in the order accepted.</summary>
    public IReadOnlyList<ZaloSent> Sent(string userId) => _followers.Sent(userId);

    /// <summary>Waits, woken by each accepted send to the user, until a message to the user meets the condition (default: 30 s).</summary>
    public Task<ZaloSent> WaitForMessageAsync(string userId, Func<ZaloSent, bool> condition, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(30);
        return _followers.ChangedFor(userId).WaitForAsync(() => Sent(userId), condition, limit, sent => Describe(userId, limit, sent));
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="path"/> (e.g. "/v3.0/oa/message/cs") fail with no side
    /// effect: with <paramref name="zaloError"/>, Zalo's error JSON for that path (HTTP 200 unless
    /// <paramref name="httpStatus"/> is given too); with only <paramref name="httpStatus"/>, that status and no JSON —
    /// an HTML page for 502, 503 and 504, as a gateway sends, else an empty body.
    /// </summary>
    public void FailNext(string path, int count = 1, int? zaloError = null, int? httpStatus = null)
    {
        if (zaloError is null && httpStatus is null) throw new ArgumentException("Give a Zalo error, an HTTP status or both.");
        if (zaloError is 0) throw new ArgumentOutOfRangeException(nameof(zaloError), "Error 0 is success, not a failure.");
        if (httpStatus is < 100 or > 599) throw new ArgumentOutOfRangeException(nameof(httpStatus));
        _faults.Fail(ZaloPaths.Known(path), new ScheduledFailure(zaloError, httpStatus), count);
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="path"/> are answered only after <paramref name="delay"/>.
    /// The call takes effect at once: a send whose client gave up waiting is still recorded, because Zalo may well have
    /// delivered it.
    /// </summary>
    public void DelayNext(string path, TimeSpan delay, int count = 1) => _faults.Delay(ZaloPaths.Known(path), delay, count);

    public async ValueTask DisposeAsync()
    {
        // Delayed answers end on this token, so stopping does not wait for them.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private string Describe(string userId, TimeSpan limit, IReadOnlyList<ZaloSent> sent)
    {
        var lines = sent.Select(m =>
        {
            var buttons = m.Buttons.Select(b => $"{b.Title} → {b.Payload ?? b.Url}");
            var keyboard = m.Buttons.Count > 0 ? $" [{string.Join(" | ", buttons)}]" : "";
            return $"\n  {m.MessageId} \"{m.Text}\"{keyboard}";
        });
        // Refusals explain many a missing message: the user was not following, out of the window, the token expired…
        var refused = Calls.Where(c => c.UserId == userId && (c.Error != 0 || c.HttpStatus != 200)).Select(c => c.Error != 0 ? c.Error : c.HttpStatus);
        var refusals = refused.Any() ? $"\n  Refused sends to the user: {string.Join(", ", refused)}." : "";
        return $"No message to Zalo user {userId} matched within {limit.TotalSeconds:0.###} s; the user got {sent.Count} message(s).{string.Concat(lines)}{refusals}";
    }
}
