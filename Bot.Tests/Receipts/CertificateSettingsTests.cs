using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatPay.Bot.Receipts;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Receipts;

/// <summary>A signing certificate that cannot sign is found at start, not by the first payer.</summary>
[Trait("Tier", "Unit")]
public sealed class CertificateSettingsTests : IDisposable
{
    private const string Setting = "Receipts:Certificate";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Write(string file, Func<X509Certificate2, byte[]> export, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(2048);
        using var made = new CertificateRequest("CN=Đơn vị thu", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-2), notAfter ?? DateTimeOffset.UtcNow.AddYears(1));
        var path = _directory.File(file);
        File.WriteAllBytes(path, export(made));
        return path;
    }

    [Fact]
    public void None_configured_is_no_problem() => Assert.Null(new CertificateSettings().Problem(Setting));

    [Fact]
    public void A_certificate_with_its_key_and_password_can_sign() =>
        Assert.Null(new CertificateSettings { Path = Write("ok.p12", c => c.Export(X509ContentType.Pfx, "pw")), Password = "pw" }.Problem(Setting));

    [Fact]
    public void A_missing_file_a_wrong_password_no_private_key_or_an_expired_certificate_each_stop_the_start()
    {
        var good = Write("good.p12", c => c.Export(X509ContentType.Pfx, "pw"));
        var keyless = Write("keyless.p12", c => X509CertificateLoader.LoadCertificate(c.RawData).Export(X509ContentType.Pfx, "pw"));
        var expired = Write("expired.p12", c => c.Export(X509ContentType.Pfx, "pw"), DateTimeOffset.UtcNow.AddDays(-1));

        var problems = new[]
        {
            new CertificateSettings { Path = _directory.File("none.p12"), Password = "pw" },
            new CertificateSettings { Path = good, Password = "wrong" },
            new CertificateSettings { Path = keyless, Password = "pw" },
            new CertificateSettings { Path = expired, Password = "pw" },
        }.Select(c => c.Problem(Setting)).ToList();

        Assert.All(problems, p => Assert.StartsWith($"{Setting}:Path ", p));
        Assert.Equal(problems.Count, problems.Distinct().Count());
    }
}
