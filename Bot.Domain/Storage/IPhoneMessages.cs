using ChatPay.Domain.Notices;

namespace ChatPay.Domain.Storage;

public interface IPhoneMessages
{
    PhoneMessage? Find(string id);
    /// <summary>The message the service gave this id when it took it.</summary>
    PhoneMessage? FindByMessageId(string messageId);
    void Save(PhoneMessage message);
    IReadOnlyList<PhoneMessage> Due(DateTimeOffset now, int limit);
    IReadOnlyList<PhoneMessage> Of(string dossierCode);
}
