namespace ChatPay.Fakes.Zalo;

/// <summary>Failures and delays a test scheduled for the next calls of a path.</summary>
internal sealed class Faults
{
    private readonly Scheduled<ScheduledFailure> _failures = new();
    private readonly Scheduled<TimeSpan> _delays = new();

    public void Fail(string path, ScheduledFailure failure, int count) => _failures.Add(path, failure, count);

    public void Delay(string path, TimeSpan delay, int count) => _delays.Add(path, delay, count);

    public ScheduledFailure? TakeFailure(string path) => _failures.Take(path);

    public TimeSpan TakeDelay(string path) => _delays.Take(path);
}
