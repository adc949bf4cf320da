using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>
/// What a sandbox payment page tells the person about whom they pay, as a real gateway's page does: the collecting
/// unit's name (not a terminal code), the bank or wallet chosen, and how long the link has left.
/// </summary>
public sealed record SandboxPayee(string AgencyName, string BankName, DateTimeOffset ExpiresAt)
{
    /// <summary>The attempt's payee, or null for a reference ChatPay did not make.</summary>
    public static SandboxPayee? Of(IChatPayStore store, string paymentId) => store.Read(session =>
        session.Payments.Find(paymentId) is { } payment && session.Dossiers.Find(payment.DossierCode) is { } dossier
            ? new SandboxPayee(dossier.AgencyName, payment.BankName, payment.ExpiresAt)
            : null);

    /// <summary>"còn 14 phút" — whole minutes, at least one while any time is left.</summary>
    public string TimeLeft(DateTimeOffset now) =>
        ExpiresAt <= now ? "đã hết hạn" : $"còn {Math.Max(1, (int)Math.Ceiling((ExpiresAt - now).TotalMinutes))} phút (đến {VietnamTime.Format(ExpiresAt)})";
}
