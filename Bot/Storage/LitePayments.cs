using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LitePayments(LiteDatabase db) : IPayments
{
    public const string Collection = "payments";
    private readonly ILiteCollection<Payment> _payments = db.GetCollection<Payment>(Collection);
    private readonly StepDocuments<Payment> _byId = new(db, Collection);

    public Payment? Find(string id) => _byId.Find(id);

    public Payment? FindByLinkToken(string token) => _payments.Where(nameof(Payment.LinkToken), token).FirstOrDefault();

    public IReadOnlyList<Payment> OfDossier(string dossierCode) =>
        _payments.Where(nameof(Payment.DossierCode), dossierCode).OrderBy(p => p.Attempt).ToList();

    public IReadOnlyList<Payment> OpenExpiredBy(DateTimeOffset now, int limit) => DueQuery.Due(_payments, nameof(Payment.OpenUntil), now, limit);

    public IReadOnlyList<Payment> DueForCheck(DateTimeOffset now, int limit) => DueQuery.Due(_payments, nameof(Payment.NextCheckAt), now, limit);

    public IReadOnlyList<Payment> SettledBetween(DateTimeOffset from, DateTimeOffset to) =>
        [.. Between(nameof(Payment.FinishedAt), from, to).Where(p => p.State is PaymentState.Succeeded or PaymentState.Failed).OrderBy(p => p.FinishedAt)];

    public IReadOnlyList<Payment> OpenedBetween(DateTimeOffset from, DateTimeOffset to) => [.. Between(nameof(Payment.OpenedAt), from, to).OrderBy(p => p.OpenedAt)];

    /// <summary>Through the field's index: [from, to).</summary>
    private IEnumerable<Payment> Between(string field, DateTimeOffset from, DateTimeOffset to) =>
        _payments.Find(Query.And(Query.GTE(field, new BsonValue(from.UtcDateTime)), Query.LT(field, new BsonValue(to.UtcDateTime))));

    public void Save(Payment payment) => _byId.Save(payment);
}
