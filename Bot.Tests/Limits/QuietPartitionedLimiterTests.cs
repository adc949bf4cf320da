using System.Diagnostics;
using System.Threading.RateLimiting;
using ChatPay.Bot.Limits;

namespace ChatPay.Tests.Limits;

/// <summary>
/// The limits run without timers: a window's permits come back when a request asks after it has passed, and partitions
/// left idle go while requests come; what a request still holds stays.
/// </summary>
[Trait("Tier", "Unit")]
public class QuietPartitionedLimiterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_windows_permits_come_back_when_asked_for_after_it_has_passed()
    {
        using var limiter = new QuietPartitionedLimiter<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits: 1, TimeSpan.FromSeconds(1))));
        var started = Stopwatch.StartNew();
        Assert.True(limiter.AttemptAcquire("203.0.113.7").IsAcquired);

        Assert.True(Eventually(() => limiter.AttemptAcquire("203.0.113.7").IsAcquired, out var refusals));

        Assert.True(refusals > 0, "the second request inside the window was let through");
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(1), "the permit came back before the window had passed");
    }

    [Fact]
    public void The_limit_holds_per_key_and_says_when_to_come_back()
    {
        using var limiter = new QuietPartitionedLimiter<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits: 2, TimeSpan.FromMinutes(15))));

        var leases = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire("203.0.113.7")).ToList();

        Assert.Equal([true, true, false], leases.Select(l => l.IsAcquired));
        Assert.True(leases[2].TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero);
        Assert.True(limiter.AttemptAcquire("198.51.100.4").IsAcquired);
    }

    [Fact]
    public void Partitions_left_idle_go_while_requests_come()
    {
        using var limiter = new QuietPartitionedLimiter<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits: 5, TimeSpan.FromMilliseconds(20))),
            idleLimit: TimeSpan.FromMilliseconds(50));
        limiter.AttemptAcquire("203.0.113.7").Dispose();

        Assert.True(Eventually(() => { limiter.AttemptAcquire("198.51.100.4").Dispose(); return limiter.Partitions == 1; }, out _));
    }

    [Fact]
    public void A_partition_whose_permits_are_held_is_kept()
    {
        using var limiter = new QuietPartitionedLimiter<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 }),
            idleLimit: TimeSpan.FromMilliseconds(50));
        using var held = limiter.AttemptAcquire("long poll");
        limiter.AttemptAcquire("done").Dispose();

        // Once the released partition has gone, a sweep has run past the idle limit: the held one is still there.
        Assert.True(Eventually(() => { limiter.AttemptAcquire("now").Dispose(); return limiter.Partitions == 2; }, out _));
        Assert.False(limiter.AttemptAcquire("long poll").IsAcquired);
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = false };

    /// <summary>Asks until <paramref name="condition"/> holds (true) or <see cref="Patience"/> runs out (false), counting the noes.</summary>
    private static bool Eventually(Func<bool> condition, out int noes)
    {
        noes = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Patience)
        {
            if (condition()) return true;
            noes++;
            Thread.Sleep(1);
        }
        return false;
    }
}
