using ChatPay.Domain.Chats;

namespace ChatPay.Domain.Conversations;

/// <summary>
/// A conversation as it is stored. <see cref="Step"/> counts transitions: every button carries the step it
/// was sent at, so a press on an older message is recognised. <see cref="Deadline"/> is when inactivity
/// returns the chat to idle; it is stored so a restart keeps it.
/// </summary>
public sealed record ConversationSnapshot(
    string ChatKey,
    ConversationState State,
    int Step,
    string? DossierCode,
    int RequestVersion,
    string? PaymentId,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? Deadline)
{
    public static ConversationSnapshot New(ChatAddress chat, DateTimeOffset now) =>
        new(chat.Key, ConversationState.Idle, 0, null, 0, null, now, null);
}
