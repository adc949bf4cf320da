using System.Diagnostics;

namespace ChatPay.Fakes;

/// <summary>
/// Wakes every waiter when state changes. A waiter takes <see cref="Next"/> before it looks at the state, so a change
/// made between its look and its wait still wakes it.
/// </summary>
internal sealed class Signal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = Fresh();

    public Task Next
    {
        get
        {
            lock (_gate) return _next.Task;
        }
    }

    public void Pulse()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _next;
            _next = Fresh();
        }
        fired.SetResult();
    }

    /// <summary>
    /// Reads the state, then again after each pulse, until an item meets the condition; past <paramref name="limit"/>,
    /// throws a TimeoutException with <paramref name="describe"/>'s account of what the state held.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<IReadOnlyList<T>> read, Func<T, bool> condition, TimeSpan limit, Func<IReadOnlyList<T>, string> describe)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var changed = Next;
            var items = read();
            if (items.FirstOrDefault(condition) is { } found) return found;
            var remaining = limit - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero) throw new TimeoutException(describe(items));
            try
            {
                await changed.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Looked at once more above, then reported.
            }
        }
    }

    // Waiters resume on the thread pool, never inside the caller of Pulse (which may hold a lock).
    private static TaskCompletionSource Fresh() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
