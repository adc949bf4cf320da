using ChatPay.Domain.Notices;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlPhoneMessages(SqlSession session) : IPhoneMessages
{
    private readonly SqlTable<PhoneMessage> _table = session.Table<PhoneMessage>("phone_messages", m => m.Id,
        ("dossier_code", m => m.DossierCode), ("next_attempt_at", m => m.NextAttemptAt), ("message_id", m => m.MessageId), ("queued_at", m => m.QueuedAt));

    public PhoneMessage? Find(string id) => _table.Get(id);

    public PhoneMessage? FindByMessageId(string messageId) => _table.Where("message_id = @p0", "", messageId).FirstOrDefault();

    public void Save(PhoneMessage message) => _table.Upsert(message);

    public IReadOnlyList<PhoneMessage> Due(DateTimeOffset now, int limit) => _table.Due("next_attempt_at", now, limit);

    public IReadOnlyList<PhoneMessage> Of(string dossierCode) => _table.Where("dossier_code = @p0", "ORDER BY queued_at, id", dossierCode);
}
