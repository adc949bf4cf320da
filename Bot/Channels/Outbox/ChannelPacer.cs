namespace ChatPay.Bot.Channels.Outbox;

/// <summary>
/// Token buckets for a channel's limits: one per chat, one more per group chat, one for the whole channel. A send
/// takes a token from each bucket it falls under, or none. Rates run slightly under the configured ones, and the
/// bursts a little smaller: the network can bunch sends on arrival into more than the app allows.
/// </summary>
public sealed class ChannelPacer(ChannelPacing pacing, Func<string, bool> isGroup, TimeProvider clock)
{
    private const double Margin = 0.95;
    private const double ParallelBurstMargin = 0.8;

    private sealed class Bucket(double capacity, double perSecond, DateTimeOffset now)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private DateTimeOffset _at = now;

        public DateTimeOffset BlockedUntil { get; set; }

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            Refill(now);
            var untilToken = _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            var blocked = BlockedUntil > now ? BlockedUntil - now : TimeSpan.Zero;
            return untilToken > blocked ? untilToken : blocked;
        }

        public void Take() => _tokens -= 1;

        public double Tokens(DateTimeOffset now)
        {
            Refill(now);
            return Math.Max(0, _tokens);
        }

        /// <summary>Full and not held: the same as a bucket made afresh, so it can be dropped.</summary>
        public bool Idle(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= _capacity && BlockedUntil <= now;
        }

        private void Refill(DateTimeOffset now)
        {
            // No limit of this kind: always full (and no 0 × ∞ below).
            _tokens = double.IsPositiveInfinity(perSecond) ? _capacity : Math.Min(_capacity, _tokens + (now - _at).TotalSeconds * perSecond);
            _at = now;
        }
    }

    private readonly Dictionary<string, Bucket> _chats = [];
    private readonly Dictionary<string, Bucket> _groups = [];
    private readonly Lock _gate = new();
    private Bucket? _global;

    /// <summary>Waits for a token of every limit the chat falls under, then takes them.</summary>
    public Task TakeAsync(string chatId, CancellationToken cancellationToken) => TakeAsync(now => BucketsOf(chatId, now), cancellationToken);

    /// <summary>Waits for a token of the whole channel's limit only, then takes it (a look-up that sends nothing to the chat).</summary>
    public Task TakeGlobalAsync(CancellationToken cancellationToken) => TakeAsync(now => [Global(now)], cancellationToken);

    private async Task TakeAsync(Func<DateTimeOffset, List<Bucket>> bucketsAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                var buckets = bucketsAt(now);
                wait = WaitFor(buckets, now);
                if (wait == TimeSpan.Zero)
                {
                    foreach (var bucket in buckets) bucket.Take();
                    return;
                }
            }
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    /// <summary>How long until the chat's own limits (its own, its group's) allow a send, whatever the channel's overall one says.</summary>
    public TimeSpan WaitForChat(string chatId)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            return WaitFor(BucketsOf(chatId, now)[..^1], now);
        }
    }

    /// <summary>How many sends the channel's overall limit allows within <paramref name="span"/> from now (at least one).</summary>
    public int Budget(TimeSpan span)
    {
        if (pacing.GlobalPerSecond is not { } perSecond) return int.MaxValue;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var global = Global(now);
            return (int)Math.Clamp(global.Tokens(now) + perSecond * Margin * span.TotalSeconds, 1, int.MaxValue);
        }
    }

    /// <summary>The app asked to wait: hold the chat's sends (or, <paramref name="wholeChannel"/>, every send) for that long.</summary>
    public void Hold(string chatId, TimeSpan retryAfter, bool wholeChannel = false)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var buckets = BucketsOf(chatId, now);
            var bucket = wholeChannel ? Global(now) : buckets[0];
            if (bucket.BlockedUntil < now + retryAfter) bucket.BlockedUntil = now + retryAfter;
        }
    }

    private static TimeSpan WaitFor(List<Bucket> buckets, DateTimeOffset now)
    {
        var wait = TimeSpan.Zero;
        foreach (var bucket in buckets)
            if (bucket.WaitFor(now) is var w && w > wait) wait = w;
        return wait;
    }

    /// <summary>The chat's own bucket first (held by <see cref="Hold"/>), then its group's and the channel's.</summary>
    private List<Bucket> BucketsOf(string chatId, DateTimeOffset now)
    {
        // A chat's burst keeps a token in hand too: the calls of one chat leave one by one, but a stall on the way can
        // land them at the app closer together than they left (seen: a long text's parts, one second apart, met a 429).
        var perChat = pacing.PerChatPerSecond ?? double.PositiveInfinity;
        var buckets = new List<Bucket> { Get(_chats, chatId, Math.Max(1, Math.Floor(pacing.PerChatBurst * ParallelBurstMargin)), perChat * Margin, now) };
        if (pacing.PerGroupPerMinute is { } perMinute && isGroup(chatId))
            buckets.Add(Get(_groups, chatId, perMinute, perMinute / 60.0 * Margin, now));
        buckets.Add(Global(now));
        return buckets;
    }

    private Bucket Global(DateTimeOffset now) => _global ??= new Bucket(
        Math.Max(1, Math.Floor(pacing.GlobalBurst * ParallelBurstMargin)), (pacing.GlobalPerSecond ?? double.PositiveInfinity) * Margin, now);

    private Bucket Get(Dictionary<string, Bucket> buckets, string key, double capacity, double perSecond, DateTimeOffset now)
    {
        if (buckets.TryGetValue(key, out var bucket)) return bucket;
        // Every chat ever served would otherwise keep a bucket; one that has refilled is no different from a new one.
        if (buckets.Count >= _pruneAt)
        {
            foreach (var (idleKey, _) in buckets.Where(b => b.Value.Idle(now)).ToList()) buckets.Remove(idleKey);
            _pruneAt = Math.Max(PruneAbove, buckets.Count * 2);
        }
        return buckets[key] = new Bucket(capacity, perSecond, now);
    }

    private const int PruneAbove = 10_000;
    private int _pruneAt = PruneAbove;
}
