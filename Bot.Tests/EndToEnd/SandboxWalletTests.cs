using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Payments.MoMo;
using ChatPay.Bot.Payments.ZaloPay;
using ChatPay.Domain;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>The demo on its embedded defaults: the sandbox plays MoMo and ZaloPay too, so a newcomer pays with a wallet end to end.</summary>
[Trait("Tier", "Integration")]
public sealed class SandboxWalletTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private const string Reference = $"{Code}_1";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp Start(params (string Key, string Value)[] settings) =>
        new(_directory.File("chatpay.db"), settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static Payment Payment(ChatPayApp app) => app.Service<IChatPayStore>().Read(s => s.Payments.Find(Reference))!;

    /// <summary>Follows the link to the wallet's sandbox page, answers with <paramref name="code"/>, and returns the page the browser lands on.</summary>
    private static async Task<string> AnswerAsync(ChatPayApp app, string link, string code)
    {
        var page = await SandboxPayer.FollowLinkAsync(app.Http, link);
        var shown = System.Net.WebUtility.HtmlDecode(await app.Http.GetStringAsync(page));
        Assert.Contains(Vnd.Format(200_000), shown);
        // Whom the person pays, and for how long the order holds: as the wallets' own pages say.
        Assert.Contains("Sở Tư pháp tỉnh Hà Tĩnh", shown);
        Assert.Contains("Thời hạn</dt><dd>còn ", shown);
        using var answer = await app.Http.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        using var back = await app.Http.GetAsync(answer.Headers.Location);
        return await back.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("Ví MoMo", "0")]
    [InlineData("Ví ZaloPay", "1")]
    public async Task In_the_demo_a_wallet_payment_is_refunded_through_the_sandbox_once_approved(string wallet, string paid)
    {
        using var app = Start([.. PortalClient.Settings]);
        var citizen = await WebChatUser.OpenAsync(app.Http);
        await AnswerAsync(app, await citizen.RequestPaymentLinkAsync(Code, wallet), paid);
        await citizen.WaitForTextAsync(Said.Paid);
        var support = await WebChatUser.OpenAsync(app.Http);
        await support.SayAsync($"/dangky {app.Service<ChatPayRules>().Staff.SupportEnrollmentCode}");
        await support.WaitForTextAsync(Said.Enrolled);
        var outcome = app.Service<IChatPayStore>().Write(s => new RefundDesk().Request(s, Reference, null, "Hồ sơ bị trả lại", "api:test", "hệ thống thử",
            null, DateTimeOffset.UtcNow));
        Assert.IsType<RefundDesk.Outcome.Created>(outcome);

        await support.WaitForAsync(m => m.Choices.Any(c => c.Label == RefundTexts.ApproveLabel));
        await support.PressAsync(RefundTexts.ApproveLabel);

        await citizen.WaitForTextAsync("Đã hoàn");
        // What is left to refund: nothing; a second refund is refused by ChatPay before any gateway is asked.
        Assert.IsType<RefundDesk.Outcome.NothingToRefund>(app.Service<IChatPayStore>().Write(s =>
            new RefundDesk().Request(s, Reference, null, "lại", "api:test", "hệ thống thử", null, DateTimeOffset.UtcNow)));
    }

    [Theory]
    [InlineData("Ví MoMo", "0", "MoMo")]
    [InlineData("Ví ZaloPay", "1", "ZaloPay")]
    public async Task In_the_demo_a_citizen_pays_with_a_wallet_through_the_sandbox(string wallet, string paid, string gateway)
    {
        using var app = Start();
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync(Code, wallet);

        Assert.Contains(ReturnPages.PaidHeading, await AnswerAsync(app, link, paid));

        await citizen.WaitForTextAsync(Said.Paid);
        Assert.Equal(gateway, Payment(app).Gateway);
        Assert.Equal(PaymentState.Succeeded, Payment(app).State);
    }

    [Fact]
    public async Task A_momo_decline_on_the_sandbox_page_reaches_the_citizen_by_ipn()
    {
        using var app = Start();
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync(Code, "Ví MoMo");

        Assert.Contains(MoMoCodes.Explain("1006"), await AnswerAsync(app, link, "1006"));

        await citizen.WaitForTextAsync(MoMoCodes.Explain("1006"));
        Assert.Equal(PaymentState.Failed, Payment(app).State);
    }

    [Fact]
    public async Task A_zalopay_cancel_is_learned_from_its_status_query_since_zalopay_calls_back_only_when_paid()
    {
        using var app = Start(("Payments:Reconciliation:Delay", "00:00:00.200"), ("Payments:Reconciliation:Interval", "00:00:00.050"));
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync(Code, "Ví ZaloPay");

        Assert.Contains(ZaloPayReports.NotPaidReason, await AnswerAsync(app, link, "2"));

        await citizen.WaitForTextAsync(ZaloPayReports.NotPaidReason);
        Assert.Equal(PaymentState.Failed, Payment(app).State);
    }

    [Fact]
    public async Task With_the_ipn_mode_never_a_wallet_payment_is_settled_by_the_status_query()
    {
        using var app = Start(("Payments:Sandbox:IpnMode", "Never"), ("Payments:Reconciliation:Delay", "00:00:00.200"), ("Payments:Reconciliation:Interval", "00:00:00.050"));
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync(Code, "Ví MoMo");

        await AnswerAsync(app, link, "0");

        await citizen.WaitForTextAsync(Said.Paid);
        Assert.True(Payment(app).Checks >= 1);
    }

    [Fact]
    public async Task The_sandbox_wallets_refuse_what_the_real_ones_refuse()
    {
        using var app = Start();

        using var momo = await app.Http.PostAsJsonAsync($"{MoMoSandbox.ApiPath}/v2/gateway/api/create",
            new { partnerCode = "CHATPAYSANDBOX", requestId = "r1", orderId = "o1", amount = 50_000, signature = "00" });
        Assert.Equal(13, (await momo.Content.ReadFromJsonAsync<JsonObject>())!["resultCode"]!.GetValue<long>());
        using var zaloPay = await app.Http.PostAsJsonAsync($"{ZaloPaySandbox.ApiPath}/v2/create", new { app_id = 10001, app_trans_id = "x", mac = "00" });
        Assert.Equal(-402, (await zaloPay.Content.ReadFromJsonAsync<JsonObject>())!["sub_return_code"]!.GetValue<int>());
        using var page = await app.Http.GetAsync("/sandbox/momo/pay/no-such-order");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
    }
}
