using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlSupportCases(SqlSession session) : ISupportCases
{
    private readonly SqlTable<SupportCase> _table = session.Table<SupportCase>("support_cases", c => c.Id,
        ("dossier_code", c => c.DossierCode), ("open", c => c.IsOpen), ("opened_at", c => c.OpenedAt));

    public IReadOnlyList<SupportCase> OpenFor(string dossierCode) => _table.Where("dossier_code = @p0 AND open", "ORDER BY opened_at, id", dossierCode);

    public IReadOnlyList<SupportCase> Of(string dossierCode) => _table.Where("dossier_code = @p0", "ORDER BY opened_at, id", dossierCode);

    public void Save(SupportCase supportCase) => _table.Upsert(supportCase);
}
