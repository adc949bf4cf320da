using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlConversations(SqlSession session) : IConversations
{
    private readonly SqlTable<ConversationSnapshot> _table = session.Table<ConversationSnapshot>("conversations", c => c.ChatKey,
        ("deadline", c => c.Deadline), ("dossier_code", c => c.DossierCode),
        ("updated_at", c => c.UpdatedAt), ("in_progress", c => c.State is not (ConversationState.Idle or ConversationState.Done)));

    public ConversationSnapshot? Find(ChatAddress chat)
    {
        session.LockChat(chat.Key);
        return _table.Get(chat.Key);
    }

    public IReadOnlyList<ConversationSnapshot> DueBy(DateTimeOffset now, int limit) => _table.Due("deadline", now, limit);

    public IReadOnlyList<ConversationSnapshot> WorkingOn(string dossierCode) => _table.Where("dossier_code = @p0", "ORDER BY id", dossierCode);

    public void Save(ConversationSnapshot snapshot) => _table.Upsert(snapshot);
}
