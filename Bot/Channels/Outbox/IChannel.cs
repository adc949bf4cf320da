using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Outbox;

/// <summary>
/// A chat app ChatPay pushes messages to. An adapter says what the app can do (<see cref="Traits"/>) and makes the
/// app's calls for one message; <see cref="OutboxDelivery"/> does the rest for every channel alike: the queue, order,
/// pacing, retries, recovery after a crash, outcomes, metrics. Registered with <see cref="ChannelSetup.AddChannel{T}"/>.
/// </summary>
public interface IChannel
{
    ChatChannel Channel { get; }

    ChannelTraits Traits { get; }

    /// <summary>A group chat (paced by <see cref="ChannelPacing.PerGroupPerMinute"/>, searched wider after a crash).</summary>
    bool IsGroup(string chatId) => false;

    /// <summary>Sends one message, already cut to the channel's limits (see <see cref="MessageParts"/>).</summary>
    Task<ChannelAnswer> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a message sent before to read as <paramref name="message"/>. Only called where <see cref="ChannelTraits.CanEdit"/>.
    /// An edit that changes nothing is <see cref="ChannelAnswer.Done"/>; an id that no message has is <see cref="ChannelAnswer.Missing"/>,
    /// and one that is not a message of this bot (the person's own) <see cref="ChannelAnswer.Refused"/>: the search for lost sends relies on all three.
    /// </summary>
    Task<ChannelAnswer> EditAsync(string chatId, string messageId, OutgoingMessage message, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Channel} cannot edit a sent message.");
}
