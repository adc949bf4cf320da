using ChatPay.Domain.Chats;

namespace ChatPay.Domain.Storage;

/// <summary>
/// Every chat's history, and the outbox: a message written here in a step is delivered after the step
/// commits, by the chat's channel, exactly once.
/// </summary>
public interface IChatLog
{
    long RecordIncoming(ChatAddress chat, string text, DateTimeOffset at);

    /// <summary>Queues a message; a <paramref name="topic"/> (a dossier's alert, say) lets it be found and updated later.</summary>
    long Send(ChatAddress chat, OutgoingMessage message, DateTimeOffset at, MessageTopic? topic = null);

    /// <summary>The choice buttons a message this chat received has or had, or none if it has no such message.</summary>
    IReadOnlyList<ChoiceButton> ChoicesOf(ChatAddress chat, long messageId);

    /// <summary>Marks a message's buttons as used, showing which was chosen; channels take the buttons away.</summary>
    void CloseChoices(ChatAddress chat, long messageId, string chosenLabel);

    /// <summary>The messages sent under a topic, oldest first.</summary>
    IReadOnlyList<SentMessage> OnTopic(MessageTopic topic);

    /// <summary>Changes a message already sent; channels update it in place.</summary>
    void Replace(long messageId, OutgoingMessage message);
}
