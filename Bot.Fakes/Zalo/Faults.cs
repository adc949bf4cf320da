namespace ChatPay.Fakes.Zalo;

/// <summary>Failures and delays a test scheduled for the next calls of a path.</summary>
internal sealed class Faults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<ScheduledFailure>> _failures = [];
    private readonly Dictionary<string, Queue<TimeSpan>> _delays = [];

    public void Fail(string path, ScheduledFailure failure, int count) => Add(_failures, path, failure, count);

    public void Delay(string path, TimeSpan delay, int count) => Add(_delays, path, delay, count);

    public ScheduledFailure? TakeFailure(string path) => Take(_failures, path);

    public TimeSpan TakeDelay(string path) => Take(_delays, path);

    private void Add<T>(Dictionary<string, Queue<T>> scheduled, string path, T item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            if (!scheduled.TryGetValue(path, out var queue)) scheduled[path] = queue = new Queue<T>();
            for (var i = 0; i < count; i++) queue.Enqueue(item);
        }
    }

    private T? Take<T>(Dictionary<string, Queue<T>> scheduled, string path)
    {
        lock (_gate) return scheduled.TryGetValue(path, out var queue) && queue.TryDequeue(out var item) ? item : default;
    }
}
