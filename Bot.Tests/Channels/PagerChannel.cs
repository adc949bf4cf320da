using System.Collections.Concurrent;
using ChatPay.Bot.Channels.Outbox;
using ChatPay.Domain.Chats;

namespace ChatPay.Tests.Channels;

/// <summary>
/// A throwaway channel made only through the port, as a deployment would add one (a pager app, say): short texts, three
/// buttons a message, no editing. Its "app" is this list of what each chat received, in order, numbered like a real app.
/// </summary>
public sealed class PagerChannel : IChannel, INamedChannel
{
    public const int MaxText = 300;
    public const int MaxButtons = 3;

    public sealed record Received(int Id, string Text, IReadOnlyList<ChoiceButton> Choices, IReadOnlyList<LinkButton> Links);

    private readonly ConcurrentDictionary<string, List<Received>> _chats = new();
    private int _lastId;

    public static ChatChannel Name { get; } = new("Pager");

    public ChatChannel Channel => Name;

    public ChannelTraits Traits { get; } = new()
    {
        MaxTextLength = MaxText,
        MaxButtonsPerMessage = MaxButtons,
        Pacing = new ChannelPacing { PerChatPerSecond = 50, PerChatBurst = 10 },
    };

    public Task<ChannelAnswer> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        // The app's own limits, which the engine must keep to.
        if (message.Text.Length > MaxText || message.Choices.Count + message.Links.Count > MaxButtons)
            return Task.FromResult<ChannelAnswer>(new ChannelAnswer.Refused("400 message too long or too many buttons"));
        var received = _chats.GetOrAdd(chatId, _ => []);
        var id = Interlocked.Increment(ref _lastId);
        lock (received) received.Add(new Received(id, message.Text, message.Choices, message.Links));
        return Task.FromResult<ChannelAnswer>(new ChannelAnswer.Done(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public IReadOnlyList<Received> Messages(string chatId)
    {
        var received = _chats.GetOrAdd(chatId, _ => []);
        lock (received) return [.. received];
    }
}
