using System.Collections.Concurrent;

namespace ChatPay.Bot.Storage;

/// <summary>
/// Wakes whoever waits for a chat's log to grow (a web chat's long poll, a channel's sender) once a step
/// that wrote to it has committed. Take the wait before reading the log, then await it: a change between
/// the read and the wait is then not missed. A wait is disposed when it ends, and the chat's entry goes with
/// its last waiter, so polls that time out (or chats opened and left) leave nothing behind.
/// </summary>
public sealed class ChatSignal
{
    private sealed class Waiters
    {
        public readonly TaskCompletionSource Source = NewSource();
        public int Count;
    }

    private readonly ConcurrentDictionary<string, Waiters> _chats = new();
    private TaskCompletionSource _any = NewSource();

    /// <summary>Chats someone is waiting on now.</summary>
    public int WaitedOn => _chats.Count;

    public ChatWait ChatChanged(string chatKey)
    {
        while (true)
        {
            var waiters = _chats.GetOrAdd(chatKey, _ => new Waiters());
            lock (waiters)
            {
                // An entry whose last waiter left (or that was woken) is no longer in the map; take a fresh one.
                if (waiters.Count < 0 || !_chats.TryGetValue(chatKey, out var current) || current != waiters) continue;
                waiters.Count++;
                return new ChatWait(this, chatKey, waiters.Source.Task);
            }
        }
    }

    public Task AnyChanged() => Volatile.Read(ref _any).Task;

    public void Changed(IEnumerable<string> chatKeys)
    {
        var touched = false;
        foreach (var key in chatKeys)
        {
            touched = true;
            if (!_chats.TryRemove(key, out var waiters)) continue;
            lock (waiters) waiters.Count = -1;
            waiters.Source.TrySetResult();
        }
        if (touched) Interlocked.Exchange(ref _any, NewSource()).TrySetResult();
    }

    private void Leave(string chatKey, Task task)
    {
        if (!_chats.TryGetValue(chatKey, out var waiters) || waiters.Source.Task != task) return;
        lock (waiters)
        {
            if (--waiters.Count == 0)
            {
                waiters.Count = -1;
                _chats.TryRemove(new KeyValuePair<string, Waiters>(chatKey, waiters));
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One wait for a chat's change; dispose it when done waiting.</summary>
    public sealed class ChatWait(ChatSignal signal, string chatKey, Task changed) : IDisposable
    {
        private int _disposed;

        public Task Task => changed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) signal.Leave(chatKey, changed);
        }
    }
}
