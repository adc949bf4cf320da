using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LitePayments(LiteDatabase db) : IPayments
{
    public const string Collection = "payments";
    private readonly ILiteCollection<Payment> _payments = db.GetCollection<Payment>(Collection);

    public Payment? Find(string id) => _payments.Get(id);

    public Payment? FindByLinkToken(string token) => _payments.Where(nameof(Payment.LinkToken), token).FirstOrDefault();

    public IReadOnlyList<Payment> OfDossier(string dossierCode) =>
        _payments.Where(nameof(Payment.DossierCode), dossierCode).OrderBy(p => p.Attempt).ToList();

    public IReadOnlyList<Payment> OpenExpiredBy(DateTimeOffset now, int limit) => DueQuery.Due(_payments, nameof(Payment.OpenUntil), now, limit);

    public IReadOnlyList<Payment> DueForCheck(DateTimeOffset now, int limit) => DueQuery.Due(_payments, nameof(Payment.NextCheckAt), now, limit);

    public void Save(Payment payment) => _payments.Upsert(payment);
}
