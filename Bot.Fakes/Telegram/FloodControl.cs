using System.Diagnostics;

namespace ChatPay.Fakes.Telegram;

/// <summary>Telegram's flood limits as token buckets: per chat, per group on top, and global.</summary>
internal sealed class FloodControl(FakeTelegramOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, TokenBucket> _chats = [];
    private readonly Dictionary<long, TokenBucket> _groups = [];
    private readonly TokenBucket _global = new(options.GlobalBurst, options.GlobalPerSecond, Stopwatch.GetTimestamp());

    /// <summary>Takes a token from every bucket the chat draws on, or, when any is empty, from none and throws 429.</summary>
    public void Take(long chatId)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            List<TokenBucket> buckets = [_global, Bucket(_chats, chatId, options.PerChatBurst, options.PerChatPerSecond, now)];
            if (chatId < 0) buckets.Add(Bucket(_groups, chatId, options.PerGroupPerMinute, options.PerGroupPerMinute / 60.0, now));
            var wait = buckets.Max(b => b.UntilToken(now));
            if (wait > TimeSpan.Zero) throw ApiError.TooManyRequests(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
            foreach (var bucket in buckets) bucket.Take();
        }
    }

    private static TokenBucket Bucket(Dictionary<long, TokenBucket> buckets, long chatId, double capacity, double perSecond, long now)
    {
        if (!buckets.TryGetValue(chatId, out var bucket)) buckets[chatId] = bucket = new TokenBucket(capacity, perSecond, now);
        return bucket;
    }
}
