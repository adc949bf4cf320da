namespace ChatPay.Domain.Receipts;

/// <summary>How receipts are numbered: the form number (mẫu số) and the series prefix (ký hiệu) set by the collecting unit.</summary>
public sealed record ReceiptRules(string FormNumber, string SeriesPrefix)
{
    /// <summary>"CP-26E": the prefix, the two-digit year, and E for electronic.</summary>
    public string SeriesFor(int year) => $"{SeriesPrefix}-{year % 100:00}E";
}
