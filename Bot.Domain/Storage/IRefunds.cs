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
    void Save(Refund refund);
}
