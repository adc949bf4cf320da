using ChatPay.Domain.Dossiers;

namespace ChatPay.Domain.Receipts;

/// <summary>
/// An e-receipt for fees and charges (biên lai thu phí, lệ phí). Numbers run without gaps within a year;
/// <see cref="AccessToken"/> is the unguessable part of its printable page's address.
/// </summary>
public sealed record Receipt
{
    /// <summary>Year and number, e.g. "2026-0000012".</summary>
    public required string Id { get; init; }
    public required int Year { get; init; }
    public required int Number { get; init; }
    public required string FormNumber { get; init; }
    public required string Series { get; init; }
    public required string DossierCode { get; init; }
    public required string ProcedureName { get; init; }
    public required string AgencyCode { get; init; }
    public required string AgencyName { get; init; }
    public required string PayerName { get; init; }
    public required IReadOnlyList<FeeLine> Lines { get; init; }
    public required long Total { get; init; }
    public required DateTimeOffset PaidAt { get; init; }
    public required string BankName { get; init; }
    public required string? GatewayTransactionNo { get; init; }
    public required string PaymentId { get; init; }
    public required string AccessToken { get; init; }

    /// <summary>Seven digits, as Vietnamese receipts print them.</summary>
    public string NumberText() => Number.ToString("0000000");

    public static string IdFor(int year, int number) => $"{year}-{number:0000000}";
}
