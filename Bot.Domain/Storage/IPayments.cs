using ChatPay.Domain.Payments;

namespace ChatPay.Domain.Storage;

public interface IPayments
{
    Payment? Find(string id);
    Payment? FindByLinkToken(string token);
    IReadOnlyList<Payment> OfDossier(string dossierCode);
    /// <summary>Open attempts whose link has expired by <paramref name="now"/>, oldest first.</summary>
    IReadOnlyList<Payment> OpenExpiredBy(DateTimeOffset now, int limit);
    /// <summary>Attempts whose gateway status is due to be asked by <paramref name="now"/>, most overdue first.</summary>
    IReadOnlyList<Payment> DueForCheck(DateTimeOffset now, int limit);
    /// <summary>Attempts the gateway settled (succeeded or failed) in [from, to), in that order.</summary>
    IReadOnlyList<Payment> SettledBetween(DateTimeOffset from, DateTimeOffset to);
    /// <summary>Attempts opened at their gateway in [from, to).</summary>
    IReadOnlyList<Payment> OpenedBetween(DateTimeOffset from, DateTimeOffset to);
    void Save(Payment payment);
}
