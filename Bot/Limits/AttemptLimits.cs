using System.Threading.RateLimiting;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Security;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Limits;

/// <summary>
/// The domain's attempt limits, on System.Threading.RateLimiting: a fixed window per client address (per chat where
/// the channel gives no address) and one for everyone, for each kind of attempt. Kept in memory: a restart forgives
/// the address windows, never the chats' own stored tallies.
/// </summary>
public sealed class AttemptLimits : IAttemptLimits, IDisposable
{
    private const string Everyone = "";

    private readonly Dictionary<LimitedAttempt, (PartitionedRateLimiter<string> PerAddress, PartitionedRateLimiter<string> Total)> _limiters;

    public AttemptLimits(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        _limiters = new()
        {
            [LimitedAttempt.UnknownCode] = Create(limits.UnknownCodes),
            [LimitedAttempt.WrongEnrollmentCode] = Create(limits.WrongEnrollmentCodes),
            [LimitedAttempt.ProblemReport] = Create(limits.ProblemReports),
        };
    }

    public DateTimeOffset? RefusedUntil(LimitedAttempt attempt, ChatAddress chat, ChatInput input, DateTimeOffset now)
    {
        var (perAddress, total) = _limiters[attempt];
        // Asking for no permit says whether any is left without taking one.
        using var own = perAddress.AttemptAcquire(KeyOf(chat, input), 0);
        using var all = total.AttemptAcquire(Everyone, 0);
        if (own.IsAcquired && all.IsAcquired) return null;
        var wait = new[] { own, all }.Where(l => !l.IsAcquired)
            .Select(l => l.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1)).Max();
        return now + wait;
    }

    public void Count(LimitedAttempt attempt, ChatAddress chat, ChatInput input)
    {
        var (perAddress, total) = _limiters[attempt];
        perAddress.AttemptAcquire(KeyOf(chat, input)).Dispose();
        total.AttemptAcquire(Everyone).Dispose();
    }

    public void Dispose()
    {
        foreach (var (perAddress, total) in _limiters.Values)
        {
            perAddress.Dispose();
            total.Dispose();
        }
    }

    private static string KeyOf(ChatAddress chat, ChatInput input) => input.Origin ?? chat.Key;

    private static (PartitionedRateLimiter<string>, PartitionedRateLimiter<string>) Create(WindowLimit limit) => (
        new QuietPartitionedLimiter<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(limit.PerAddress, limit.Window))),
        new QuietPartitionedLimiter<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(limit.Total, limit.Window))));

    /// <summary>A window whose permits come back when asked for after it has passed (<see cref="QuietPartitionedLimiter{TResource,TKey}"/>), not by a timer.</summary>
    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = false };
}
