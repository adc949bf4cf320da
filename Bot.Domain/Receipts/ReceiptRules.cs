namespace ChatPay.Domain.Receipts;

/// <summary>
/// How receipts are numbered: the form number (mẫu số) and the series prefix (ký hiệu) set by the collecting unit. Receipts
/// of trial payments (the sandbox) are a series of their own, <see cref="TrialPrefix"/>, with its own numbers, and say
/// everywhere that they are worth nothing: they never take a number of the real series.
/// </summary>
public sealed record ReceiptRules(string FormNumber, string SeriesPrefix, bool Trial = false)
{
    public const string TrialPrefix = "TN";

    /// <summary>"CP-26E": the prefix, the two-digit year, and E for electronic ("TN-26E" for trial receipts).</summary>
    public string SeriesFor(int year) => $"{(Trial ? TrialPrefix : SeriesPrefix)}-{year % 100:00}E";
}
