using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;

namespace ChatPay.Domain.Storage;

public interface IConversations
{
    ConversationSnapshot? Find(ChatAddress chat);
    /// <summary>Conversations whose inactivity deadline has passed by <paramref name="now"/>.</summary>
    IReadOnlyList<ConversationSnapshot> DueBy(DateTimeOffset now, int limit);
    /// <summary>Conversations in progress on a dossier.</summary>
    IReadOnlyList<ConversationSnapshot> WorkingOn(string dossierCode);
    void Save(ConversationSnapshot snapshot);
}
