using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Receipts;

public sealed class ReceiptsOptions
{
    public const string Section = "Receipts";

    /// <summary>Mẫu số: the receipt form number the collecting unit registered.</summary>
    [Required, StringLength(20, MinimumLength = 1)]
    public string FormNumber { get; set; } = "01BLP0-001";

    /// <summary>Ký hiệu prefix; the series printed is "{prefix}-{yy}E".</summary>
    [Required, RegularExpression("^(?!TN$)[A-Z0-9]{1,8}$", ErrorMessage = "Receipts:SeriesPrefix must be 1–8 capital letters or digits, and not TN (the trial series).")]
    public string SeriesPrefix { get; set; } = "CP";

    /// <summary>
    /// The signing certificate of every collecting unit without one of its own (Staff:Agencies:N:Certificate); without it,
    /// receipts are signed with a self-signed certificate (said on them).
    /// </summary>
    public CertificateSettings Certificate { get; set; } = new();
}
