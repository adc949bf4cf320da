namespace ChatPay.Fakes.Telegram;

/// <summary>Failures and delays a test scheduled for the next calls of a method.</summary>
internal sealed class Faults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<ApiError>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<TimeSpan>> _delays = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<bool>> _drops = new(StringComparer.OrdinalIgnoreCase);

    public void Fail(string method, ApiError error, int count) => Add(_failures, method, error, count);

    public void Delay(string method, TimeSpan delay, int count) => Add(_delays, method, delay, count);

    public void DropAnswer(string method, int count) => Add(_drops, method, true, count);

    public void Clear()
    {
        lock (_gate)
        {
            _failures.Clear();
            _delays.Clear();
            _drops.Clear();
        }
    }

    public ApiError? TakeFailure(string method) => Take(_failures, method);

    public TimeSpan TakeDelay(string method) => Take(_delays, method);

    public bool TakeDrop(string method) => Take(_drops, method);

    private void Add<T>(Dictionary<string, Queue<T>> scheduled, string method, T item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            if (!scheduled.TryGetValue(method, out var queue)) scheduled[method] = queue = new Queue<T>();
            for (var i = 0; i < count; i++) queue.Enqueue(item);
        }
    }

    private T? Take<T>(Dictionary<string, Queue<T>> scheduled, string method)
    {
        lock (_gate) return scheduled.TryGetValue(method, out var queue) && queue.TryDequeue(out var item) ? item : default;
    }
}
