using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatPay.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Receipts;

/// <summary>
/// The collecting unit's signing certificate: the PKCS#12 file of Receipts:Certificate:Path, or, where none is configured,
/// a self-signed one made once for this installation and kept (encrypted with the rest of its secrets) — which the
/// receipt and the verification page say, since no finance officer should accept it for real money.
/// </summary>
public sealed class ReceiptCertificate
{
    private readonly Lazy<X509Certificate2> _certificate;

    public ReceiptCertificate(IOptions<ReceiptsOptions> options, HostSettings settings, ILogger<ReceiptCertificate> logger)
    {
        var configured = options.Value.Certificate;
        SelfSigned = configured.Path.Length == 0;
        _certificate = new Lazy<X509Certificate2>(() => SelfSigned
            ? Generated(settings, logger)
            : X509CertificateLoader.LoadPkcs12FromFile(configured.Path, configured.Password, X509KeyStorageFlags.EphemeralKeySet));
    }

    /// <summary>No certificate was configured: receipts are signed with one this installation made for itself.</summary>
    public bool SelfSigned { get; }

    public X509Certificate2 Certificate => _certificate.Value;

    private static X509Certificate2 Generated(HostSettings settings, ILogger logger)
    {
        var pfx = settings.GetOrCreate("receipts.selfSignedCertificate", () =>
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=Đơn vị thu phí (chứng thư tự ký của ChatPay), O=ChatPay", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            logger.LogWarning("No Receipts:Certificate is configured: receipts are signed with a self-signed certificate made for this installation");
            return Convert.ToBase64String(made.Export(X509ContentType.Pfx));
        });
        return X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(pfx), null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
