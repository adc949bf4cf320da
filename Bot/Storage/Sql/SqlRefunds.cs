using ChatPay.Domain.Refunds;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlRefunds(SqlSession session) : IRefunds
{
    private readonly SqlTable<Refund> _table = session.Table<Refund>("refunds", r => r.Id,
        ("payment_id", r => r.PaymentId), ("dossier_code", r => r.DossierCode), ("requested_at", r => r.RequestedAt), ("next_attempt_at", r => r.NextAttemptAt),
        ("idempotency_key", r => r.IdempotencyKey), ("finished_at", r => r.FinishedAt));

    public Refund? Find(string id) => _table.Get(id);

    public Refund? FindByIdempotencyKey(string key) => _table.Where("idempotency_key = @p0", "", key).FirstOrDefault();

    public IReadOnlyList<Refund> OfPayment(string paymentId) => _table.Where("payment_id = @p0", "ORDER BY requested_at, id", paymentId);

    public IReadOnlyList<Refund> OfDossier(string dossierCode) => _table.Where("dossier_code = @p0", "ORDER BY requested_at, id", dossierCode);

    public IReadOnlyList<Refund> Due(DateTimeOffset now, int limit) => _table.Due("next_attempt_at", now, limit);

    public IReadOnlyList<Refund> FinishedBetween(DateTimeOffset from, DateTimeOffset to) =>
        _table.Where("finished_at >= @p0 AND finished_at < @p1", "ORDER BY finished_at, id", from, to);

    public void Save(Refund refund) => _table.Upsert(refund);
}
