using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteConversations(LiteDatabase db) : IConversations
{
    public const string Collection = "conversations";
    private readonly ILiteCollection<ConversationSnapshot> _conversations = db.GetCollection<ConversationSnapshot>(Collection);
    private readonly StepDocuments<ConversationSnapshot> _byChat = new(db, Collection);

    public ConversationSnapshot? Find(ChatAddress chat) => _byChat.Find(chat.Key);

    public IReadOnlyList<ConversationSnapshot> DueBy(DateTimeOffset now, int limit) => DueQuery.Due(_conversations, nameof(ConversationSnapshot.Deadline), now, limit);

    public IReadOnlyList<ConversationSnapshot> WorkingOn(string dossierCode) => _conversations.Where(nameof(ConversationSnapshot.DossierCode), dossierCode).ToList();

    public void Save(ConversationSnapshot snapshot) => _byChat.Save(snapshot);
}
