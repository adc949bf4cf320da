using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteSupportCases(LiteDatabase db) : ISupportCases
{
    public const string Collection = "support_cases";
    private readonly ILiteCollection<SupportCase> _cases = db.GetCollection<SupportCase>(Collection);

    public IReadOnlyList<SupportCase> OpenFor(string dossierCode) =>
        Of(dossierCode).Where(c => c.State != SupportCaseState.Resolved).ToList();

    public IReadOnlyList<SupportCase> Of(string dossierCode) => _cases.Where(nameof(SupportCase.DossierCode), dossierCode).OrderBy(c => c.OpenedAt).ToList();

    public void Save(SupportCase supportCase) => _cases.Upsert(supportCase);
}
