namespace ChatPay.Fakes.Telegram;

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

    // Waiters resume on the thread pool, never inside the caller of Pulse (which may hold a lock).
    private static TaskCompletionSource Fresh() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
