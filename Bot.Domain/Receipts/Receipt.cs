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

    /// <summary>The collecting unit's tax code (mã số thuế) and address, as configured when the receipt was issued.</summary>
    public string AgencyTaxCode { get; init; } = "";
    public string AgencyAddress { get; init; } = "";
    public required string PayerName { get; init; }
    public required IReadOnlyList<FeeLine> Lines { get; init; }
    public required long Total { get; init; }
    public required DateTimeOffset PaidAt { get; init; }
    public required string BankName { get; init; }
    public required string? GatewayTransactionNo { get; init; }
    public required string PaymentId { get; init; }
    public required string AccessToken { get; init; }

    /// <summary>
    /// The lookup code (mã tra cứu) printed on the receipt: anyone holding the paper can check it is genuine on the public
    /// verification page, which shows no personal data beyond the masked payer. Short, and without look-alike characters.
    /// </summary>
    public string LookupCode { get; init; } = "";

    /// <summary>Issued for a trial payment (the sandbox): worth nothing, and said so wherever it appears.</summary>
    public bool Trial { get; init; }

    public const string TrialMark = "THỬ NGHIỆM — KHÔNG CÓ GIÁ TRỊ";

    /// <summary>Seven digits, as Vietnamese receipts print them.</summary>
    public string NumberText() => Number.ToString("0000000");

    public static string IdFor(int year, int number, bool trial = false) => trial ? $"{ReceiptRules.TrialPrefix}-{year}-{number:0000000}" : $"{year}-{number:0000000}";
}
