using System.Diagnostics;
using TokenBucket = ChatPay.Fakes.Telegram.TokenBucket;

namespace ChatPay.Fakes.Zalo;

/// <summary>
/// The OA's users and the messages it sent them. A send is checked (follower, window, rate) and recorded under one
/// lock, so concurrent sends see Zalo's answers in a consistent order and a refused send leaves nothing behind.
/// </summary>
internal sealed class FollowerBook(FakeZaloOptions options)
{
    /// <summary>How long after a user's last interaction the OA may still write to them.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Follower> _users = new(StringComparer.Ordinal);
    private readonly TokenBucket _rate = new(options.MessagesBurst, options.MessagesPerSecond, Stopwatch.GetTimestamp());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Signal> _changed = new(StringComparer.Ordinal);

    /// <summary>Pulsed after every accepted send to the user; one per user, so each waiter is woken by its own user only.</summary>
    public Signal ChangedFor(string userId) => _changed.GetOrAdd(userId, _ => new Signal());

    public void Follow(string userId)
    {
        lock (_gate)
        {
            var user = User(userId);
            user.Following = true;
            user.Interact(options.Clock.GetUtcNow());
        }
    }

    public void Unfollow(string userId)
    {
        lock (_gate) User(userId).Following = false;
    }

    public void Interacted(string userId)
    {
        lock (_gate) User(userId).Interact(options.Clock.GetUtcNow());
    }

    public void PutOutsideWindow(string userId)
    {
        lock (_gate) User(userId).PutOutside = true;
    }

    public IReadOnlyList<ZaloSent> Sent(string userId)
    {
        lock (_gate) return _users.TryGetValue(userId, out var user) ? [.. user.Sent] : [];
    }

    /// <summary>
    /// Records the message, or throws -213 (not a follower), -230 (outside the window) or -32 (the OA's bucket is
    /// empty), checked in that order. Only an accepted message takes a token from the bucket.
    /// </summary>
    public ZaloSent Send(string userId, string text, IReadOnlyList<ZaloButton> buttons, bool requestsUserInfo = false)
    {
        ZaloSent sent;
        lock (_gate)
        {
            var now = options.Clock.GetUtcNow();
            var user = _users.GetValueOrDefault(userId);
            if (user is not { Following: true }) throw ZaloError.NotFollower();
            if (user.PutOutside || user.LastInteraction is not { } last || now - last > Window) throw ZaloError.Outside();
            if (_rate.UntilToken(Stopwatch.GetTimestamp()) > TimeSpan.Zero) throw ZaloError.TooFast();
            _rate.Take();
            sent = new ZaloSent(userId, NewMessageId(), text, buttons, now, requestsUserInfo);
            user.Sent.Add(sent);
        }
        ChangedFor(userId).Pulse();
        return sent;
    }

    // Zalo's message ids are opaque hex strings of this length.
    private static string NewMessageId() => Guid.NewGuid().ToString("N")[..20];

    private Follower User(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!_users.TryGetValue(userId, out var user)) _users[userId] = user = new Follower();
        return user;
    }
}
