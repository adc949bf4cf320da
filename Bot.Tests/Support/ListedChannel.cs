using ChatPay.Bot.Channels.Outbox;
using ChatPay.Domain.Chats;

namespace ChatPay.Tests.Support;

/// <summary>A channel as health and metrics see a registration: a name and traits. Nothing is ever sent through it.</summary>
public sealed class ListedChannel(ChatChannel channel) : IChannel
{
    public ChatChannel Channel => channel;

    public ChannelTraits Traits { get; } = new();

    public Task<ChannelAnswer> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A listed channel sends nothing.");
}
