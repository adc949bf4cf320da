using ChatPay.Domain.Support;

namespace ChatPay.Domain.Storage;

public interface ISupportCases
{
    IReadOnlyList<SupportCase> OpenFor(string dossierCode);
    IReadOnlyList<SupportCase> Of(string dossierCode);
    void Save(SupportCase supportCase);
}
