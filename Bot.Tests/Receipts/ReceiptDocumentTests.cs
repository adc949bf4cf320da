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
using LiteDB;

namespace ChatPay.Tests.Receipts;

/// <summary>The receipt a finance officer must accept: every item the e-receipt rules ask for, signed, checkable by anyone holding it.</summary>
[Trait("Tier", "Integration")]
public sealed partial class ReceiptDocumentTests : IDisposable
{
    private const string Code = "H42.27-261124-0003";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task<(Receipt Receipt, string Url)> PayAsync(ChatPayApp app, string code = Code)
    {
        var citizen = await WebChatUser.OpenAsync(app.Http);
        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(code));
        var message = await citizen.WaitForTextAsync(Said.Paid);
        var receipt = app.Service<IChatPayStore>().Read(s => s.Receipts.Find(s.Dossiers.Find(code)!.ReceiptId!))!;
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
        var (path, made) = await CertificateAsync("unit.p12", "Sở Tư pháp tỉnh Hà Tĩnh");
        using var app = new ChatPayApp(_directory.File("chatpay.db"), Signing("Receipts", path));
        var (_, url) = await PayAsync(app);

        var page = WebUtility.HtmlDecode(await app.Http.GetStringAsync(url));
        var xml = await app.Http.GetStringAsync($"{url}/xml");

        Assert.Contains("✔ Đã ký số bởi: Sở Tư pháp tỉnh Hà Tĩnh", page);
        Assert.DoesNotContain("Chứng thư số tự ký", page);
        Assert.Contains(Convert.ToBase64String(made.RawData), xml);
    }

    [Fact]
    public async Task An_agency_with_its_own_certificate_signs_its_receipts_with_it_and_the_others_sign_with_the_common_one()
    {
        var (common, _) = await CertificateAsync("common.p12", "Sở Tài chính tỉnh Hà Tĩnh");
        var (own, _) = await CertificateAsync("land.p12", "Văn phòng Đăng ký đất đai tỉnh Hà Tĩnh");
        var settings = Signing("Receipts", common);
        foreach (var (key, value) in Signing("Staff:Agencies:0", own)) settings[key] = value;
        settings["Staff:Agencies:0:Code"] = "H42.27";
        settings["Staff:Agencies:0:Name"] = "Văn phòng Đăng ký đất đai tỉnh Hà Tĩnh";
        settings["Staff:Agencies:0:EnrollmentCode"] = "land-office-enrollment-code";
        using var app = new ChatPayApp(_directory.File("chatpay.db"), settings);

        var (land, landUrl) = await PayAsync(app);
        var (justice, justiceUrl) = await PayAsync(app, "H42.10-261125-0001");

        Assert.Contains("✔ Đã ký số bởi: Văn phòng Đăng ký đất đai tỉnh Hà Tĩnh", WebUtility.HtmlDecode(await app.Http.GetStringAsync(landUrl)));
        Assert.Contains("✔ Đã ký số bởi: Sở Tài chính tỉnh Hà Tĩnh", WebUtility.HtmlDecode(await app.Http.GetStringAsync(justiceUrl)));
        var seals = app.Service<ReceiptSeals>();
        Assert.True(seals.Verify(seals.For(land).Xml, land).Valid);
        // One unit's signature on another unit's receipt is not that unit's receipt.
        Assert.False(seals.Verify(seals.For(land).Xml, justice).Valid);
    }

    [Fact]
    public async Task A_renewed_certificate_signs_what_comes_after_and_the_receipts_signed_before_stay_valid()
    {
        var database = _directory.File("chatpay.db");
        var (before, _) = await CertificateAsync("2026.p12", "Chứng thư năm 2026");
        var (after, _) = await CertificateAsync("2027.p12", "Chứng thư năm 2027");
        Receipt earlier;
        using (var app = new ChatPayApp(database, Signing("Receipts", before)))
        {
            (earlier, var url) = await PayAsync(app);
            Assert.Contains("✔ Đã ký số bởi: Chứng thư năm 2026", WebUtility.HtmlDecode(await app.Http.GetStringAsync(url)));
        }

        using var renewed = new ChatPayApp(database, Signing("Receipts", after));
        var check = WebUtility.HtmlDecode(await renewed.Http.GetStringAsync($"{ReceiptEndpoints.VerifyPath}/{earlier.LookupCode}"));
        var (_, laterUrl) = await PayAsync(renewed, "H42.10-261125-0001");

        Assert.Contains(ReceiptEndpoints.GenuineHeading, check);
        Assert.Contains("✔ Đã ký số bởi: Chứng thư năm 2026", check);
        Assert.Contains("✔ Đã ký số bởi: Chứng thư năm 2027", WebUtility.HtmlDecode(await renewed.Http.GetStringAsync(laterUrl)));
    }

    [Fact]
    public async Task A_receipt_issued_before_lookup_codes_gets_one_at_the_next_start_and_can_be_checked_with_it()
    {
        var database = _directory.File("chatpay.db");
        Receipt issued;
        using (var app = new ChatPayApp(database, ChatPayApp.OnLiteDb)) (issued, _) = await PayAsync(app);
        using (var raw = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct }))
        {
            var receipts = raw.GetCollection("receipts");
            var stored = receipts.FindById(issued.Id);
            stored.Remove(nameof(Receipt.LookupCode));
            receipts.Update(stored);
            // An earlier version had given none.
            raw.GetCollection("settings").Delete(EarlierReceipts.Marker);
        }

        using var upgraded = new ChatPayApp(database, ChatPayApp.OnLiteDb);

        var given = upgraded.Service<IChatPayStore>().Read(s => s.Receipts.Find(issued.Id))!.LookupCode;
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", given);
        Assert.NotEqual(issued.LookupCode, given);
        Assert.Contains(ReceiptEndpoints.GenuineHeading, WebUtility.HtmlDecode(await upgraded.Http.GetStringAsync($"{ReceiptEndpoints.VerifyPath}/{given}")));
    }

    private async Task<(string Path, X509Certificate2 Certificate)> CertificateAsync(string file, string name)
    {
        using var key = RSA.Create(2048);
        var made = new CertificateRequest($"CN={name}, O=UBND tỉnh Hà Tĩnh", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = _directory.File(file);
        await File.WriteAllBytesAsync(path, made.Export(X509ContentType.Pfx, Password));
        return (path, made);
    }

    private const string Password = "mật-khẩu";

    private static Dictionary<string, string?> Signing(string section, string path) =>
        new() { [$"{section}:Certificate:Path"] = path, [$"{section}:Certificate:Password"] = Password };

    [GeneratedRegex("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]{100,}\" alt=\"Mã QR kiểm tra biên lai\"")]
    private static partial Regex QrImage();
}
