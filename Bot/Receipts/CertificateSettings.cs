using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatPay.Bot.Receipts;

/// <summary>A signing certificate in configuration: a PKCS#12 file and its password.</summary>
public sealed class CertificateSettings
{
    /// <summary>A PKCS#12 (.pfx/.p12) file with the certificate and its private key.</summary>
    public string Path { get; set; } = "";

    /// <summary>Its password; never logged.</summary>
    public string Password { get; set; } = "";

    public bool Configured => Path.Length > 0;

    public X509Certificate2 Load() => X509CertificateLoader.LoadPkcs12FromFile(Path, Password, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>
    /// Why this certificate cannot sign receipts (no file, a wrong password, no RSA private key, expired), in one sentence
    /// naming <paramref name="setting"/>; null when it can. Checked at start, so a typo is not found by the first payer.
    /// </summary>
    public string? Problem(string setting)
    {
        if (!Configured) return null;
        if (!File.Exists(Path)) return $"{setting}:Path names no file: give the collecting unit's PKCS#12 certificate, or leave it empty.";
        try
        {
            using var certificate = Load();
            using var key = certificate.GetRSAPrivateKey();
            if (key is null) return $"{setting}:Path holds no RSA private key to sign with.";
            if (certificate.NotAfter < DateTime.Now) return $"{setting}:Path holds a certificate that expired on {certificate.NotAfter:yyyy-MM-dd}.";
            return null;
        }
        catch (CryptographicException)
        {
            return $"{setting}:Path cannot be opened with {setting}:Password (a wrong password, or not a PKCS#12 file).";
        }
    }
}
