using ChatPay.Domain.Refunds;

namespace ChatPay.Domain.Storage;

public interface IRefunds
{
    Refund? Find(string id);
    Refund? FindByIdempotencyKey(string key);
    IReadOnlyList<Refund> OfPayment(string paymentId);
    IReadOnlyList<Refund> OfDossier(string dossierCode);
    /// <summary>Approved refunds to send, and sent ones whose status is due to be asked, by <paramref name="now"/>.</summary>
    IReadOnlyList<Refund> Due(DateTimeOffset now, int limit);
    /// <summary>Refunds that reached their end (refunded, refused) in [from, to).</summary>
    IReadOnlyList<Refund> FinishedBetween(DateTimeOffset from, DateTimeOffset to);
    void Save(Refund refund);
}
