using ChatPay.Domain.Dossiers;

namespace ChatPay.Domain.Storage;

public interface IDossiers
{
    Dossier? Find(string code);
    void Save(Dossier dossier);
    int Count();
}
