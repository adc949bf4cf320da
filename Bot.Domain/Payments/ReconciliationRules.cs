namespace ChatPay.Domain.Payments;

/// <summary>
/// When to ask the gateway about an attempt that has no result: <paramref name="Delay"/> after it was opened,
/// then at doubling intervals, until <paramref name="GiveUpAfter"/> past the link's expiry.
/// </summary>
public sealed record ReconciliationRules(TimeSpan Delay, TimeSpan GiveUpAfter)
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>The wait after the <paramref name="checksSoFar"/>-th check: Delay × 2^checks, at most an hour.</summary>
    public DateTimeOffset NextAfter(int checksSoFar, DateTimeOffset now) =>
        now + TimeSpan.FromTicks(Math.Min(Delay.Ticks << Math.Min(checksSoFar, 10), LongestWait.Ticks));
}
