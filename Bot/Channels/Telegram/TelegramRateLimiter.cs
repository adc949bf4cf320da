namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// Token buckets for Telegram's limits: one per chat, one more per group chat, one for the whole bot. A send
/// takes a token from each bucket it falls under, or none. Rates run slightly under the configured ones, and the
/// bursts a little smaller: the network can bunch sends on arrival into more than Telegram allows.
/// </summary>
public sealed class TelegramRateLimiter(TelegramLimits limits, TimeProvider clock)
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

        private void Refill(DateTimeOffset now)
        {
            _tokens = Math.Min(_capacity, _tokens + (now - _at).TotalSeconds * perSecond);
            _at = now;
        }
    }

    private readonly Dictionary<string, Bucket> _chats = [];
    private readonly Dictionary<string, Bucket> _groups = [];
    private readonly Lock _gate = new();
    private Bucket? _global;

    /// <summary>Takes a send for the chat if every limit allows it now; otherwise says how long to wait.</summary>
    public bool TryTake(string chatId, out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var buckets = BucketsOf(chatId, now);
            wait = buckets.Max(b => b.WaitFor(now));
            if (wait > TimeSpan.Zero) return false;
            foreach (var bucket in buckets) bucket.Take();
            return true;
        }
    }

    /// <summary>How long until a send to the chat may go, taking nothing (zero: now).</summary>
    public TimeSpan WaitFor(string chatId)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            return BucketsOf(chatId, now).Max(b => b.WaitFor(now));
        }
    }

    /// <summary>Telegram answered 429 for this chat: hold its sends for retry_after.</summary>
    public void Hold(string chatId, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = clock.GetUtcNow() + retryAfter;
            var bucket = BucketsOf(chatId, clock.GetUtcNow())[0];
            if (bucket.BlockedUntil < until) bucket.BlockedUntil = until;
        }
    }

    private List<Bucket> BucketsOf(string chatId, DateTimeOffset now)
    {
        _global ??= new Bucket(Math.Max(1, Math.Floor(limits.GlobalBurst * ParallelBurstMargin)), limits.GlobalPerSecond * Margin, now);
        // A chat's burst keeps a token in hand too: the calls of one chat leave one by one, but a stall on the way can
        // land them at Telegram closer together than they left (seen: a long text's parts, one second apart, met a 429).
        var chatBurst = Math.Max(1, Math.Floor(limits.PerChatBurst * ParallelBurstMargin));
        var buckets = new List<Bucket> { Get(_chats, chatId, chatBurst, limits.PerChatPerSecond * Margin, now), _global };
        // Telegram's group chats have negative ids.
        if (chatId.StartsWith('-')) buckets.Add(Get(_groups, chatId, limits.PerGroupPerMinute, limits.PerGroupPerMinute / 60.0 * Margin, now));
        return buckets;
    }

    private static Bucket Get(Dictionary<string, Bucket> buckets, string key, double capacity, double perSecond, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = new Bucket(capacity, perSecond, now);
        return bucket;
    }
}
