using ChatPay.Domain.Chats;

namespace ChatPay.Domain.Storage;

/// <summary>
/// Every chat's history, and the outbox: a message written here in a step is delivered after the step
/// commits, by the chat's channel, exactly once.
/// </summary>
public interface IChatLog
{
    long RecordIncoming(ChatAddress chat, string text, DateTimeOffset at);
    long Send(ChatAddress chat, OutgoingMessage message, DateTimeOffset at);
    /// <summary>The choice buttons of a message this chat received, or none if it has no such message.</summary>
    IReadOnlyList<ChoiceButton> ChoicesOf(ChatAddress chat, long messageId);
    /// <summary>Marks a message's buttons as used, showing which was chosen; channels take the buttons away.</summary>
    void CloseChoices(ChatAddress chat, long messageId, string chosenLabel);
}
