using ChatPay.Domain.Dossiers;

namespace ChatPay.Domain.Storage;

public interface IPayLinks
{
    PayLink? Find(string token);
    void Save(PayLink link);
}
