using ChatPay.Domain.Dossiers;

namespace ChatPay.Domain.Reports;

/// <summary>
/// One attempt settled on the report's day (GMT+7). <paramref name="StartedOn"/> is set when the attempt was started on an
/// earlier day: a late settlement belongs to the day it settled, and says so.
/// </summary>
public sealed record ReportRow(
    string PaymentId,
    string DossierCode,
    string ProcedureName,
    string AgencyCode,
    string AgencyName,
    IReadOnlyList<FeeLine> Lines,
    long Amount,
    string Gateway,
    string? TransactionNo,
    string Bank,
    DateTimeOffset SettledAt,
    string? ReceiptNumber,
    string? ReceiptSeries,
    ReportState State,
    DateOnly? StartedOn)
{
    /// <summary>Money the unit received by this attempt (paid, late, or taken twice and owed back).</summary>
    public bool Credited => State is ReportState.Paid or ReportState.Late or ReportState.Duplicate;
}
