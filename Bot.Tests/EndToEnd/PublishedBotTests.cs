using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Api;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Fakes.Telegram;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>
/// The artifact deploy/ installs is the one that works: `dotnet publish` of the Bot, started as the systemd unit starts
/// it, in production settings — no demo, VNPay as the gateway (its callbacks signed here with the configured secret,
/// as VNPay signs them), Telegram as the channel (the fake Bot API) — takes a whole payment.
/// </summary>
[Trait("Tier", "System")]
public class PublishedBotTests : IDisposable
{
    private const string Code = "H42.10-261127-0001";
    private const string TmnCode = "CHATPAY9";
    private const string HashSecret = "published-bot-test-hash-secret-0123456789";
    private const string ApiKey = "published-bot-test-api-key-0123456789";
    private const long Citizen = 4242;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_published_bot_takes_a_payment_in_production_settings()
    {
        var published = _directory.File("publish");
        await PublishAsync(published);
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions());
        using var bot = await BotProcess.StartServingAsync(Path.Combine(published, "ChatPay.Bot.dll"), _directory.File("data/chatpay.db"), LoopbackPort.Free(),
            "--Demo:Enabled=false",
            "--Payments:Gateway=VnPay", $"--Payments:VnPay:TmnCode={TmnCode}", $"--Payments:VnPay:HashSecret={HashSecret}",
            "--Payments:VnPay:PaymentUrl=https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
            $"--Telegram:BotToken={telegram.Options.Token}", $"--Telegram:ApiBaseUrl={telegram.BaseUrl}", "--Telegram:PollTimeoutSeconds=1",
            "--Staff:Agencies:0:Code=H42.10", "--Staff:Agencies:0:Name=Sở Tư pháp tỉnh Hà Tĩnh",
            "--Staff:Agencies:0:EnrollmentCode=published-officer-code-0123",
            "--Staff:SupportEnrollmentCode=published-support-code-0123",
            "--Api:Keys:0:Name=Cổng DVC", $"--Api:Keys:0:Key={ApiKey}");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payment-requests")
        {
            Content = JsonContent.Create(new
            {
                dossierCode = Code, procedureName = "Cấp Phiếu lý lịch tư pháp", agencyCode = "H42.10", applicantName = "Nguyễn Văn An",
                fees = new[] { new { kind = "fee", name = "Phí cung cấp thông tin lý lịch tư pháp", amount = 200_000 } },
            }),
        };
        request.Headers.Add(ApiKeyCheck.Header, ApiKey);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await bot.Http.SendAsync(request)).StatusCode);

        var link = await TelegramCitizen.WalkToLinkAsync(telegram, Citizen, Code, Patience);

        // The citizen follows the link to VNPay; VNPay then calls the IPN, signed with the merchant's secret.
        using var redirect = await bot.Http.GetAsync(new Uri(link).PathAndQuery);
        var toVnPay = redirect.Headers.Location!;
        Assert.StartsWith("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?", toVnPay.AbsoluteUri);
        var asked = System.Web.HttpUtility.ParseQueryString(toVnPay.Query);
        var ipn = new Dictionary<string, string>
        {
            ["vnp_TmnCode"] = TmnCode, ["vnp_Amount"] = asked["vnp_Amount"]!, ["vnp_BankCode"] = "NCB", ["vnp_BankTranNo"] = "VNP01",
            ["vnp_CardType"] = "ATM", ["vnp_PayDate"] = asked["vnp_CreateDate"]!, ["vnp_OrderInfo"] = asked["vnp_OrderInfo"]!,
            ["vnp_TransactionNo"] = "14000001", ["vnp_ResponseCode"] = "00", ["vnp_TransactionStatus"] = "00", ["vnp_TxnRef"] = asked["vnp_TxnRef"]!,
        };
        var answer = await bot.Http.GetFromJsonAsync<JsonElement>($"{VnPayEndpoints.IpnPath}?{VnPaySignature.SignedQuery(ipn, HashSecret)}");

        Assert.Equal("00", answer.GetProperty("RspCode").GetString());
        var receipt = await telegram.WaitForMessageAsync(Citizen, m => m.Text.Contains(Said.Paid), Patience);
        Assert.Contains("200.000 ₫", receipt.Text);
        Assert.DoesNotContain("Demo", bot.Output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The command deploy/publish.sh runs (framework-dependent), into a folder of this test's.</summary>
    private static async Task PublishAsync(string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Repository.File("Bot/Bot.csproj"), "-c", "Release", "-o", output, "--nologo" }) start.ArgumentList.Add(argument);
        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(publish.ExitCode == 0, await log + await errors);
    }
}
