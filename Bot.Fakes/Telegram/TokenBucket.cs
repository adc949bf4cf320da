using System.Diagnostics;

namespace ChatPay.Fakes.Telegram;

/// <summary>A bucket that starts full and refills continuously; not thread-safe (<see cref="FloodControl"/> locks).</summary>
internal sealed class TokenBucket(double capacity, double perSecond, long startTimestamp)
{
    private double _tokens = double.PositiveInfinity; // full: clipped to capacity on the first look
    private long _at = startTimestamp;

    /// <summary>Zero when a token is there now, else how long until one is.</summary>
    public TimeSpan UntilToken(long now)
    {
        _tokens = Math.Min(capacity, _tokens + Stopwatch.GetElapsedTime(_at, now).TotalSeconds * perSecond);
        _at = now;
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
    }

    public void Take() => _tokens -= 1;
}
