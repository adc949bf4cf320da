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

    /// <summary>The collecting unit's signing certificate; without one, receipts are signed with a self-signed certificate (said on them).</summary>
    public CertificateSettings Certificate { get; set; } = new();

    public sealed class CertificateSettings
    {
        /// <summary>A PKCS#12 (.pfx/.p12) file with the certificate and its private key.</summary>
        public string Path { get; set; } = "";

        /// <summary>Its password; never logged.</summary>
        public string Password { get; set; } = "";
    }
}
