using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatPay.Bot.Staff;
using ChatPay.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Receipts;

/// <summary>
/// Each collecting unit's signing certificate: its own (Staff:Agencies:N:Certificate), else the one of
/// Receipts:Certificate, else a self-signed one made once for this installation and kept (encrypted with the rest of its
/// secrets) — which the receipt and the verification page say, since no finance officer should accept it for real money.
/// </summary>
public sealed class ReceiptCertificates
{
    /// <summary>A certificate that signs receipts, and whether it is the installation's self-signed one.</summary>
    public sealed record Signer(X509Certificate2 Certificate, bool SelfSigned);

    private readonly Dictionary<string, CertificateSettings> _ownByAgency;
    private readonly Lazy<Signer> _common;
    private readonly ConcurrentDictionary<string, Signer> _loaded = new();

    public ReceiptCertificates(IOptions<ReceiptsOptions> receipts, IOptions<StaffOptions> staff, HostSettings settings, ILogger<ReceiptCertificates> logger)
    {
        _ownByAgency = staff.Value.Agencies.Where(a => a.Certificate.Configured).ToDictionary(a => a.Code, a => a.Certificate);
        var common = receipts.Value.Certificate;
        _common = new Lazy<Signer>(() => common.Configured ? new Signer(common.Load(), false) : new Signer(Generated(settings, logger), true));
    }

    /// <summary>The certificate that signs the receipts of this agency now.</summary>
    public Signer For(string agencyCode) => _ownByAgency.TryGetValue(agencyCode, out var own)
        ? _loaded.GetOrAdd(agencyCode, _ => new Signer(own.Load(), false))
        : _common.Value;

    /// <summary>Every certificate that signs receipts now (a document checked without its receipt may be any unit's).</summary>
    public IEnumerable<Signer> All() => _ownByAgency.Keys.Select(For).Append(_common.Value);

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
