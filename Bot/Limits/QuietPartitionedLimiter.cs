using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ChatPay.Bot.Limits;

/// <summary>
/// System.Threading.RateLimiting's limiters, one per partition, replenished when a request looks at them instead of by
/// timers. <see cref="PartitionedRateLimiter.Create{TResource,TPartitionKey}"/> wakes every 100 ms for as long as it lives
/// (measured: 2 ms of CPU a second for each, with nothing to do; ChatPay has five), and a window limiter that replenishes
/// itself keeps a timer per partition. Here a quiet bot wakes for nothing: a window's permits come back when a request
/// asks after the window has passed, and partitions idle for the idle limit are dropped while requests come.
/// </summary>
/// <remarks>Give it window limiters with <c>AutoReplenishment = false</c> (others are used as they are).</remarks>
/// <param name="idleLimit">A partition with all its permits back, unused this long, goes (as in <see cref="PartitionedRateLimiter"/>'s own: 10 s).</param>
public sealed class QuietPartitionedLimiter<TResource, TKey>(Func<TResource, RateLimitPartition<TKey>> partitioner, TimeSpan? idleLimit = null)
    : PartitionedRateLimiter<TResource> where TKey : notnull
{
    private readonly TimeSpan _idleLimit = idleLimit ?? TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<TKey, Lazy<RateLimiter>> _partitions = new();
    private long _lastSweep = Environment.TickCount64;

    /// <summary>How many partitions are kept now.</summary>
    internal int Partitions => _partitions.Count;

    protected override RateLimitLease AttemptAcquireCore(TResource resource, int permitCount) => LimiterOf(resource).AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(TResource resource, int permitCount, CancellationToken cancellationToken) =>
        LimiterOf(resource).AcquireAsync(permitCount, cancellationToken);

    public override RateLimiterStatistics? GetStatistics(TResource resource) => LimiterOf(resource).GetStatistics();

    private RateLimiter LimiterOf(TResource resource)
    {
        SweepIfDue();
        var partition = partitioner(resource);
        var limiter = _partitions.GetOrAdd(partition.PartitionKey, key => new Lazy<RateLimiter>(() => partition.Factory(key))).Value;
        Replenish(limiter);
        return limiter;
    }

    private static void Replenish(RateLimiter limiter)
    {
        if (limiter is ReplenishingRateLimiter { IsAutoReplenishing: false } replenishing) replenishing.TryReplenish();
    }

    /// <remarks>
    /// A dropped limiter is not disposed: a request that took it just before keeps a working limiter. A limiter holding
    /// permits (a long poll's) is never idle, so it is never dropped.
    /// </remarks>
    private void SweepIfDue()
    {
        var last = Interlocked.Read(ref _lastSweep);
        var now = Environment.TickCount64;
        if (now - last < _idleLimit.TotalMilliseconds || Interlocked.CompareExchange(ref _lastSweep, now, last) != last) return;
        foreach (var (key, lazy) in _partitions)
        {
            if (!lazy.IsValueCreated) continue;
            Replenish(lazy.Value);
            if (lazy.Value.IdleDuration > _idleLimit) _partitions.TryRemove(KeyValuePair.Create(key, lazy));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var lazy in _partitions.Values.Where(l => l.IsValueCreated)) lazy.Value.Dispose();
        base.Dispose(disposing);
    }
}
