namespace ChatPay.Fakes.Telegram;

/// <summary>Failures and delays a test scheduled for the next calls of a method.</summary>
internal sealed class Faults
{
    private readonly Scheduled<ApiError> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Scheduled<TimeSpan> _delays = new(StringComparer.OrdinalIgnoreCase);
    private readonly Scheduled<bool> _drops = new(StringComparer.OrdinalIgnoreCase);

    public void Fail(string method, ApiError error, int count) => _failures.Add(method, error, count);

    public void Delay(string method, TimeSpan delay, int count) => _delays.Add(method, delay, count);

    public void DropAnswer(string method, int count) => _drops.Add(method, true, count);

    public void Clear()
    {
        _failures.Clear();
        _delays.Clear();
        _drops.Clear();
    }

    public ApiError? TakeFailure(string method) => _failures.Take(method);

    public TimeSpan TakeDelay(string method) => _delays.Take(method);

    public bool TakeDrop(string method) => _drops.Take(method);
}
