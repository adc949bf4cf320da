using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatPay.Tests.EndToEnd;

/// <summary>The embedded sandbox behaves like VNPay, including the ways VNPay's IPN can go wrong.</summary>
[Trait("Tier", "Integration")]
public class SandboxGatewayTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private const string Reference = $"{Code}_1";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp Start(params (string Key, string Value)[] settings) =>
        new(_directory.File("chatpay.db"), settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static async Task<WebChatUser> PayAsync(ChatPayApp app, string choice = "Pay")
    {
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var linkUrl = await citizen.RequestPaymentLinkAsync(Code);
        await SandboxPayer.PayAsync(app.Http, linkUrl, choice);
        return citizen;
    }

    private static Payment Payment(ChatPayApp app) => app.Service<IChatPayStore>().Read(s => s.Payments.Find(Reference))!;

    [Fact]
    public async Task The_ipn_is_acknowledged_at_the_first_call()
    {
        using var app = Start();

        await (await PayAsync(app)).WaitForTextAsync(Said.Paid);

        var transaction = app.Service<SandboxBank>().Find(Reference)!;
        Assert.True(transaction.IpnAcknowledged);
        Assert.Equal(1, transaction.IpnAttempts);
    }

    [Fact]
    public async Task An_unacknowledged_ipn_is_retried_up_to_the_limit()
    {
        using var app = Start(
            ("Payments:Sandbox:IpnUrl", "http://127.0.0.1:1/unreachable"),
            ("Payments:Sandbox:IpnRetryInterval", "00:00:00.100"),
            ("Payments:Sandbox:IpnMaxAttempts", "3"),
            ("Payments:Reconciliation:Delay", "01:00:00"));

        await PayAsync(app);

        var bank = app.Service<SandboxBank>();
        await Eventually.HoldsAsync(() => bank.Find(Reference)!.IpnAttempts == 3);
        Assert.False(bank.Find(Reference)!.IpnAcknowledged);
        Assert.Equal(DossierStatus.AwaitingPayment, app.Service<IChatPayStore>().Read(s => s.Dossiers.Find(Code))!.Status);
    }

    [Fact]
    public async Task A_payment_whose_ipn_never_comes_is_settled_by_the_status_query()
    {
        using var app = Start(
            ("Payments:Sandbox:IpnMode", "Never"),
            ("Payments:Reconciliation:Delay", "00:00:00.200"),
            ("Payments:Reconciliation:Interval", "00:00:00.050"));

        var citizen = await PayAsync(app);

        await citizen.WaitForTextAsync(Said.Paid);
        Assert.Equal(0, app.Service<SandboxBank>().Find(Reference)!.IpnAttempts);
        Assert.True(Payment(app).Checks >= 1);
    }

    [Fact]
    public async Task An_ipn_sent_twice_gives_one_receipt()
    {
        using var app = Start(("Payments:Sandbox:IpnMode", "Twice"));

        var citizen = await PayAsync(app);
        await citizen.WaitForTextAsync(Said.Paid);
        await citizen.SayAsync("/trogiup");
        await citizen.WaitForTextAsync(Said.Help);

        Assert.Equal(2, app.Service<SandboxBank>().Find(Reference)!.IpnAttempts);
        Assert.Single(citizen.Seen, m => m.Text.Contains(Said.Paid));
    }

    [Fact]
    public async Task A_late_ipn_after_the_status_query_settled_the_payment_is_answered_already_confirmed()
    {
        using var app = Start(
            ("Payments:Sandbox:IpnMode", "Late"),
            ("Payments:Sandbox:IpnDelay", "00:00:01"),
            ("Payments:Sandbox:IpnRetryInterval", "00:00:00.250"),
            ("Payments:Reconciliation:Delay", "00:00:00.100"),
            ("Payments:Reconciliation:Interval", "00:00:00.050"));

        var citizen = await PayAsync(app);
        await citizen.WaitForTextAsync(Said.Paid);

        var bank = app.Service<SandboxBank>();
        await Eventually.HoldsAsync(() => bank.Find(Reference)!.IpnAcknowledged);
        Assert.Equal(1, bank.Find(Reference)!.IpnAttempts);
        Assert.Equal(PaymentState.Succeeded, Payment(app).State);
        Assert.Single(citizen.Seen, m => m.Text.Contains(Said.Paid));
    }

    [Fact]
    public async Task Money_debited_but_reversed_is_explained_and_gives_no_receipt()
    {
        using var app = Start();

        var citizen = await PayAsync(app, "Reversed");

        await citizen.WaitForTextAsync(VnPayCodes.Explain("00", "04"));
        var payment = Payment(app);
        Assert.Equal(PaymentState.Failed, payment.State);
        Assert.Equal(PaymentFlag.MoneyHeld, payment.Flag);
    }

    [Theory]
    [InlineData("WrongOtp", "Mã xác thực (OTP) không đúng")]
    [InlineData("CardLocked", "Thẻ hoặc tài khoản đang bị khóa")]
    [InlineData("Cancel", "Bạn đã hủy giao dịch")]
    public async Task Each_failure_reaches_the_citizen_in_plain_vietnamese(string choice, string explanation)
    {
        using var app = Start();

        var citizen = await PayAsync(app, choice);

        await citizen.WaitForTextAsync(explanation);
    }

    [Fact]
    public async Task A_citizens_report_settles_a_payment_the_gateway_never_announced()
    {
        using var app = Start(
            ("Payments:Sandbox:IpnMode", "Never"),
            ("Payments:Reconciliation:Delay", "01:00:00"),
            ("Payments:Reconciliation:Interval", "00:00:00.050"));
        var citizen = await PayAsync(app);

        await citizen.SayAsync($"/baoloi {Code}");

        await citizen.WaitForTextAsync(CitizenTexts.ReportChecking(Code).Text);
        await citizen.WaitForTextAsync(Said.Paid);
        await citizen.WaitForTextAsync(CitizenTexts.ReportResolvedPaid(Code).Text);
    }

    [Fact]
    public async Task The_bank_page_names_the_collecting_unit_the_bank_and_the_time_left()
    {
        using var app = Start();
        var citizen = await WebChatUser.OpenAsync(app.Http);

        var page = System.Net.WebUtility.HtmlDecode(await app.Http.GetStringAsync(await SandboxPayer.FollowLinkAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code))));

        Assert.Contains("Thanh toán qua Vietcombank", page);
        Assert.Contains("Đơn vị thu</dt><dd>Sở Tư pháp tỉnh Hà Tĩnh", page);
        Assert.Contains("Thời hạn</dt><dd>còn 15 phút", page);
    }

    [Fact]
    public async Task The_status_api_answers_each_case_signed()
    {
        using var app = Start(("Payments:Sandbox:IpnMode", "Never"), ("Payments:Reconciliation:Delay", "01:00:00"));
        var client = app.Service<VnPayStatusClient>();
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var linkUrl = await citizen.RequestPaymentLinkAsync(Code);

        Assert.IsType<GatewayStatus.NotFound>(await client.QueryAsync(Payment(app), default));

        var bankPage = await SandboxPayer.FollowLinkAsync(app.Http, linkUrl);
        await app.Http.GetStringAsync(bankPage);
        var unfinished = Assert.IsType<GatewayStatus.Reported>(await client.QueryAsync(Payment(app), default));
        Assert.False(unfinished.Report.Final);
        Assert.Equal(GatewayOutcome.Pending, unfinished.Report.Outcome);
        Assert.Equal("/01", unfinished.Report.Code);

        await SandboxPayer.PayAsync(app.Http, linkUrl);
        var paid = Assert.IsType<GatewayStatus.Reported>(await client.QueryAsync(Payment(app), default));
        Assert.True(paid.Report.Succeeded);
        Assert.Equal(200_000, paid.Report.Amount);
        Assert.Equal("14000001", paid.Report.TransactionNo);
    }

    [Fact]
    public async Task The_status_api_refuses_what_vnpay_refuses()
    {
        using var app = Start();
        var merchant = app.Service<VnPayMerchant>();
        var request = new Dictionary<string, string>
        {
            ["vnp_RequestId"] = "r1",
            ["vnp_Version"] = "2.1.0",
            ["vnp_Command"] = "querydr",
            ["vnp_TmnCode"] = merchant.TmnCode,
            ["vnp_TxnRef"] = "NOPE_1",
            ["vnp_TransactionDate"] = "20261126090000",
            ["vnp_CreateDate"] = "20261126091000",
            ["vnp_IpAddr"] = "127.0.0.1",
            ["vnp_OrderInfo"] = "Truy van",
        };
        async Task<string> Ask(Dictionary<string, string> fields, bool sign = true)
        {
            var body = new Dictionary<string, string>(fields);
            if (sign) body[VnPaySignature.HashField] = VnPayQuery.Sign(body, VnPayQuery.RequestSigned, merchant.HashSecret);
            var answer = await (await app.Http.PostAsJsonAsync(SandboxEndpoints.ApiPath, body)).Content.ReadFromJsonAsync<Dictionary<string, string>>();
            Assert.True(VnPayQuery.Verify(answer!, VnPayQuery.ResponseSigned, merchant.HashSecret));
            return answer!["vnp_ResponseCode"];
        }

        Assert.Equal("91", await Ask(request));
        Assert.Equal("94", await Ask(request));
        Assert.Equal("97", await Ask(new(request) { ["vnp_RequestId"] = "r2", [VnPaySignature.HashField] = new string('0', 128) }, sign: false));
        Assert.Equal("02", await Ask(new(request) { ["vnp_RequestId"] = "r3", ["vnp_TmnCode"] = "OTHER001" }));
        Assert.Equal("03", await Ask(new(request) { ["vnp_RequestId"] = "r4", ["vnp_Command"] = "pay" }));
        using var malformed = new StringContent("{\"vnp_RequestId\": [1]}", System.Text.Encoding.UTF8, "application/json");
        var refused = await (await app.Http.PostAsync(SandboxEndpoints.ApiPath, malformed)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("03", refused.GetProperty("vnp_ResponseCode").GetString());
    }

    [Fact]
    public async Task An_answer_not_signed_with_the_merchants_secret_is_not_believed()
    {
        using var app = Start();
        await PayAsync(app);
        var real = app.Service<VnPayMerchant>();
        var impostor = new VnPayStatusClient(new HttpClient(), real with { HashSecret = "someone-elses-secret" }, new Reachability(TimeProvider.System),
            app.Service<ChatPayMetrics>(), new FakeTimeProvider(DateTimeOffset.UtcNow), NullLogger<VnPayStatusClient>.Instance);

        var status = await impostor.QueryAsync(Payment(app), default);

        Assert.Equal("invalid signature", Assert.IsType<GatewayStatus.Unavailable>(status).Reason);
    }
}
