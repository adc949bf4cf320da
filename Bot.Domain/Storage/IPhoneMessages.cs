using ChatPay.Domain.Notices;

namespace ChatPay.Domain.Storage;

public interface IPhoneMessages
{
    PhoneMessage? Find(string id);
    void Save(PhoneMessage message);
    IReadOnlyList<PhoneMessage> Due(DateTimeOffset now, int limit);
    IReadOnlyList<PhoneMessage> Of(string dossierCode);
}
