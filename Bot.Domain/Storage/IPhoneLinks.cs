using ChatPay.Domain.Notices;

namespace ChatPay.Domain.Storage;

public interface IPhoneLinks
{
    PhoneLink? Of(string chatKey);
    IReadOnlyList<PhoneLink> WithHash(string phoneHash);
    void Save(PhoneLink link);
    void Delete(string chatKey);
}
