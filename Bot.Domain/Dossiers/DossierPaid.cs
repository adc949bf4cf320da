namespace ChatPay.Domain.Dossiers;

/// <summary>What the portal is told when a dossier's fees are paid, so it can mark the dossier paid.</summary>
public sealed record DossierPaid(
    string DossierCode,
    string AgencyCode,
    long Amount,
    string ReceiptNumber,
    string ReceiptSeries,
    DateTimeOffset PaidAt,
    string? GatewayTransactionNo,
    string ReceiptUrl);
