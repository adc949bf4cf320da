using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using ChatPay.Bot.Receipts;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Receipts;

/// <summary>The receipt a finance officer must accept: every item the e-receipt rules ask for, signed, checkable by anyone holding it.</summary>
[Trait("Tier", "Integration")]
public sealed partial class ReceiptDocumentTests : IDisposable
{
    private const string Code = "H42.27-261124-0003";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task<(Receipt Receipt, string Url)> PayAsync(ChatPayApp app)
    {
        var citizen = await WebChatUser.OpenAsync(app.Http);
        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code));
        var message = await citizen.WaitForTextAsync(Said.Paid);
        var receipt = app.Service<IChatPayStore>().Read(s => s.Receipts.Find(s.Dossiers.Find(Code)!.ReceiptId!))!;
        return (receipt, message.Links.Single(l => l.Label == "Xem biên lai").Url);
    }

    [Fact]
    public async Task The_receipt_page_shows_every_required_item_and_a_signature_that_holds()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var (receipt, url) = await PayAsync(app);

        var page = WebUtility.HtmlDecode(await app.Http.GetStringAsync(url));

        Assert.Contains("BIÊN LAI THU PHÍ, LỆ PHÍ", page);
        Assert.Contains($"Mẫu số: {receipt.FormNumber} · Ký hiệu: {receipt.Series}", page);
        Assert.Contains($"Số: <strong>{receipt.NumberText()}</strong>", page);
        Assert.Contains(receipt.AgencyName, page);
        Assert.Contains($"Mã số thuế: {receipt.AgencyTaxCode}", page);
        Assert.Contains($"Địa chỉ: {receipt.AgencyAddress}", page);
        Assert.Contains("Trần Thị Bình", page);
        Assert.All(receipt.Lines, line => Assert.Contains(line.Name, page));
        Assert.Contains(Vnd.Format(600_000), page);
        Assert.Contains(AmountInWords.Spell(600_000), page);
        var local = VietnamTime.Local(receipt.PaidAt);
        Assert.Contains($"Ngày {local.Day:00} tháng {local.Month:00} năm {local.Year}", page);
        Assert.Contains($"Mã tra cứu: <strong>{receipt.LookupCode}</strong>", page);
        Assert.Matches(QrImage(), page);
        Assert.Contains("✔ Đã ký số bởi", page);
        // The demo's receipts are trial receipts, and a self-signed certificate signs them: both said on the page.
        Assert.Contains(Receipt.TrialMark, page);
        Assert.StartsWith($"{ReceiptRules.TrialPrefix}-", receipt.Series);
        Assert.Contains("Chứng thư số tự ký", page);
    }

    [Fact]
    public async Task The_signed_xml_verifies_and_any_change_to_it_does_not()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var (receipt, url) = await PayAsync(app);
        var seals = app.Service<ReceiptSeals>();

        using var download = await app.Http.GetAsync($"{url}/xml");
        var xml = await download.Content.ReadAsStringAsync();

        Assert.Equal("application/xml", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<SignatureValue>", xml);
        Assert.True(seals.Verify(xml, receipt).Valid);
        Assert.False(seals.Verify(xml.Replace("<TongTien>600000</TongTien>", "<TongTien>60000</TongTien>")).Valid);
        Assert.False(seals.Verify(xml.Replace("Trần Thị Bình", "Trần Thị Bính")).Valid);
        Assert.False(seals.Verify(xml, receipt with { Total = 1 }).Valid);
        Assert.False(seals.Verify("<BienLaiDienTu/>").Valid);
        Assert.Equal(xml, await app.Http.GetStringAsync($"{url}/xml"));
    }

    [Fact]
    public async Task The_public_verification_page_confirms_a_receipt_by_its_lookup_code_with_the_payer_masked()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var (receipt, _) = await PayAsync(app);

        var page = WebUtility.HtmlDecode(await app.Http.GetStringAsync($"{ReceiptEndpoints.VerifyPath}/{receipt.LookupCode}"));

        Assert.Contains(ReceiptEndpoints.GenuineHeading, page);
        Assert.Contains(receipt.NumberText(), page);
        Assert.Contains(PersonalData.MaskName("Trần Thị Bình"), page);
        Assert.DoesNotContain("Trần Thị Bình", page);
        Assert.DoesNotContain(receipt.AccessToken, page);
        using var typed = await app.Http.GetAsync($"{ReceiptEndpoints.VerifyPath}?ma={receipt.LookupCode.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal($"{ReceiptEndpoints.VerifyPath}/{receipt.LookupCode}", typed.Headers.Location!.OriginalString);
        using var unknown = await app.Http.GetAsync($"{ReceiptEndpoints.VerifyPath}/AAAA-AAAA-AAAA");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_configured_certificate_signs_the_receipts()
    {
        using var key = RSA.Create(2048);
        using var made = new CertificateRequest("CN=Sở Tư pháp tỉnh Hà Tĩnh, O=UBND tỉnh Hà Tĩnh", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = _directory.File("unit.p12");
        await File.WriteAllBytesAsync(path, made.Export(X509ContentType.Pfx, "mật-khẩu"));
        using var app = new ChatPayApp(_directory.File("chatpay.db"),
            new Dictionary<string, string?> { ["Receipts:Certificate:Path"] = path, ["Receipts:Certificate:Password"] = "mật-khẩu" });
        var (_, url) = await PayAsync(app);

        var page = WebUtility.HtmlDecode(await app.Http.GetStringAsync(url));
        var xml = await app.Http.GetStringAsync($"{url}/xml");

        Assert.Contains("✔ Đã ký số bởi: Sở Tư pháp tỉnh Hà Tĩnh", page);
        Assert.DoesNotContain("Chứng thư số tự ký", page);
        Assert.Contains(Convert.ToBase64String(made.RawData), xml);
    }

    [GeneratedRegex("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]{100,}\" alt=\"Mã QR kiểm tra biên lai\"")]
    private static partial Regex QrImage();
}
