using ChatPay.Domain.Refunds;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteRefunds(LiteDatabase db) : IRefunds
{
    public const string Collection = "refunds";
    private readonly ILiteCollection<Refund> _refunds = db.GetCollection<Refund>(Collection);

    public Refund? Find(string id) => _refunds.FindById(id);

    public Refund? FindByIdempotencyKey(string key) => _refunds.FindOne(r => r.IdempotencyKey == key);

    public IReadOnlyList<Refund> OfPayment(string paymentId) => [.. _refunds.Find(r => r.PaymentId == paymentId).OrderBy(r => r.RequestedAt)];

    public IReadOnlyList<Refund> OfDossier(string dossierCode) => [.. _refunds.Find(r => r.DossierCode == dossierCode).OrderBy(r => r.RequestedAt)];

    public IReadOnlyList<Refund> Due(DateTimeOffset now, int limit) => DueQuery.Due(_refunds, nameof(Refund.NextAttemptAt), now, limit);

    public IReadOnlyList<Refund> FinishedBetween(DateTimeOffset from, DateTimeOffset to) =>
        [.. _refunds.Find(Query.And(Query.GTE(nameof(Refund.FinishedAt), new BsonValue(from.UtcDateTime)), Query.LT(nameof(Refund.FinishedAt), new BsonValue(to.UtcDateTime))))
            .OrderBy(r => r.FinishedAt)];

    public void Save(Refund refund) => _refunds.Upsert(refund);
}
