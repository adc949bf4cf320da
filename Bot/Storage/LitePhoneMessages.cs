using ChatPay.Domain.Notices;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LitePhoneMessages(LiteDatabase db) : IPhoneMessages
{
    public const string Collection = "phone_messages";
    private readonly ILiteCollection<PhoneMessage> _messages = db.GetCollection<PhoneMessage>(Collection);

    public PhoneMessage? Find(string id) => _messages.FindById(id);

    public PhoneMessage? FindByMessageId(string messageId) => _messages.FindOne(m => m.MessageId == messageId);

    public void Save(PhoneMessage message) => _messages.Upsert(message);

    public IReadOnlyList<PhoneMessage> Due(DateTimeOffset now, int limit) => DueQuery.Due(_messages, nameof(PhoneMessage.NextAttemptAt), now, limit);

    public IReadOnlyList<PhoneMessage> Of(string dossierCode) => [.. _messages.Find(m => m.DossierCode == dossierCode).OrderBy(m => m.QueuedAt)];
}
