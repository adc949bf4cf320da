namespace ChatPay.Fakes;

/// <summary>What a test scheduled for the next calls of each method or path: each call takes the next one, once.</summary>
internal sealed class Scheduled<T>(IEqualityComparer<string>? keys = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<T>> _queues = new(keys);

    public void Add(string key, T item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            if (!_queues.TryGetValue(key, out var queue)) _queues[key] = queue = new Queue<T>();
            for (var i = 0; i < count; i++) queue.Enqueue(item);
        }
    }

    /// <summary>The next item scheduled for the key, or the type's default when none is.</summary>
    public T? Take(string key)
    {
        lock (_gate) return _queues.TryGetValue(key, out var queue) && queue.TryDequeue(out var item) ? item : default;
    }

    public void Clear()
    {
        lock (_gate) _queues.Clear();
    }
}
