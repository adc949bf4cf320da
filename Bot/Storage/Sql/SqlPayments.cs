using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlPayments(SqlSession session) : IPayments
{
    private readonly SqlTable<Payment> _table = session.Table<Payment>("payments", p => p.Id,
        ("dossier_code", p => p.DossierCode), ("attempt", p => p.Attempt), ("link_token", p => p.LinkToken), ("open_until", p => p.OpenUntil),
        ("next_check_at", p => p.NextCheckAt), ("finished_at", p => p.FinishedAt), ("settled", p => p.State is PaymentState.Succeeded or PaymentState.Failed),
        ("opened_at", p => p.OpenedAt), ("state", p => p.State));

    public Payment? Find(string id) => _table.Get(id);

    public Payment? FindByLinkToken(string token) => _table.Where("link_token = @p0", "", token).FirstOrDefault();

    public IReadOnlyList<Payment> OfDossier(string dossierCode) => _table.Where("dossier_code = @p0", "ORDER BY attempt", dossierCode);

    public IReadOnlyList<Payment> OpenExpiredBy(DateTimeOffset now, int limit) => _table.Due("open_until", now, limit);

    public IReadOnlyList<Payment> DueForCheck(DateTimeOffset now, int limit) => _table.Due("next_check_at", now, limit);

    public IReadOnlyList<Payment> SettledBetween(DateTimeOffset from, DateTimeOffset to) =>
        _table.Where("settled AND finished_at >= @p0 AND finished_at < @p1", "ORDER BY finished_at, id", from, to);

    public IReadOnlyList<Payment> OpenedBetween(DateTimeOffset from, DateTimeOffset to) =>
        _table.Where("opened_at >= @p0 AND opened_at < @p1", "ORDER BY opened_at, id", from, to);

    public void Save(Payment payment) => _table.Upsert(payment);
}
