using System.Collections.Concurrent;

namespace ChatPay.Bot.Storage;

/// <summary>
/// Wakes whoever waits for a chat's log to grow (a web chat's long poll, a channel's sender) once a step
/// that wrote to it has committed. Take the wait task before reading the log, then await it: a change
/// between the read and the wait is then not missed.
/// </summary>
public sealed class ChatSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _chats = new();
    private TaskCompletionSource _any = NewSource();

    public Task ChatChanged(string chatKey) => _chats.GetOrAdd(chatKey, _ => NewSource()).Task;

    public Task AnyChanged() => Volatile.Read(ref _any).Task;

    public void Changed(IEnumerable<string> chatKeys)
    {
        var touched = false;
        foreach (var key in chatKeys)
        {
            touched = true;
            if (_chats.TryRemove(key, out var source)) source.TrySetResult();
        }
        if (touched) Interlocked.Exchange(ref _any, NewSource()).TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
