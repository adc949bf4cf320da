using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatPay.Bot.Api;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Payments.MoMo;
using ChatPay.Domain;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Storage;
using ChatPay.Fakes.MoMo;
using ChatPay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using FakeSignature = ChatPay.Fakes.MoMo.MoMoSignature;

namespace ChatPay.Tests.EndToEnd;

/// <summary>A citizen pays with "Ví MoMo" in the web chat; ChatPay speaks MoMo's API v2 to the fake, which enforces MoMo's rules.</summary>
[Trait("Tier", "Integration")]
public sealed class MoMoJourneyTests : IAsyncLifetime
{
    private const string Code = "H42.10-261125-0001";
    private const string Reference = $"{Code}_1";
    private const long Amount = 200_000;
    private readonly TempDirectory _directory = new();
    private FakeMoMoServer _momo = null!;

    public async Task InitializeAsync() => _momo = await FakeMoMoServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _momo.DisposeAsync();
        _directory.Dispose();
    }

    private ChatPayApp Start(FakeMoMoServer momo, params (string Key, string Value)[] settings) => new(_directory.File("chatpay.db"),
        new Dictionary<string, string?>
        {
            ["Payments:MoMo:PartnerCode"] = momo.Options.PartnerCode,
            ["Payments:MoMo:AccessKey"] = momo.Options.AccessKey,
            ["Payments:MoMo:SecretKey"] = momo.Options.SecretKey,
            ["Payments:MoMo:ApiUrl"] = momo.BaseUrl,
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    private static Payment Payment(ChatPayApp app) => app.Service<IChatPayStore>().Read(s => s.Payments.Find(Reference))!;

    /// <summary>The citizen chooses "Ví MoMo" and follows the link: ChatPay makes the MoMo order and sends them to its payUrl.</summary>
    private static async Task<(WebChatUser Citizen, string Link, Uri PayUrl)> ToMoMoAsync(ChatPayApp app)
    {
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync(Code, "Ví MoMo");
        return (citizen, link, await SandboxPayer.FollowLinkAsync(app.Http, link));
    }

    /// <summary>An IPN as MoMo signs it, with the fields given changed.</summary>
    private string Ipn(MoMoOrder order, int resultCode, long? amount = null, string? secretKey = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["partnerCode"] = _momo.Options.PartnerCode, ["orderId"] = order.OrderId, ["requestId"] = order.RequestId,
            ["amount"] = (amount ?? order.Amount).ToString(CultureInfo.InvariantCulture), ["orderInfo"] = order.OrderInfo, ["orderType"] = "momo_wallet",
            ["transId"] = "4088878999", ["resultCode"] = resultCode.ToString(CultureInfo.InvariantCulture), ["message"] = "Successful.", ["payType"] = "qr",
            ["responseTime"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ["extraData"] = "",
        };
        fields["signature"] = FakeSignature.Of(secretKey ?? _momo.Options.SecretKey, _momo.Options.AccessKey, fields, FakeSignature.IpnFields);
        return JsonSerializer.Serialize(fields);
    }

    private static async Task<HttpStatusCode> PostIpnAsync(ChatPayApp app, string body)
    {
        using var response = await app.Http.PostAsync(MoMoEndpoints.IpnPath, new StringContent(body, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_citizen_pays_with_momo_and_gets_the_receipt_once_though_the_ipn_comes_twice()
    {
        using var app = Start(_momo);
        var (citizen, link, payUrl) = await ToMoMoAsync(app);

        var order = Assert.Single(_momo.Orders);
        Assert.Equal(Reference, order.OrderId);
        Assert.Equal(Amount, order.Amount);
        Assert.Equal(order.OrderId, payUrl.Segments[^1]);
        Assert.Equal(payUrl, await SandboxPayer.FollowLinkAsync(app.Http, link));
        Assert.Single(_momo.Orders);

        await _momo.PayAsync(order.OrderId);
        var ipn = Assert.Single(_momo.Ipns);
        Assert.Equal(204, ipn.Status);
        await citizen.WaitForTextAsync(Said.Paid);
        var paid = Payment(app);
        Assert.Equal(PaymentState.Succeeded, paid.State);
        Assert.Equal(MoMoAdapter.GatewayName, paid.Gateway);
        Assert.Equal(order.TransId.ToString(CultureInfo.InvariantCulture), paid.TransactionNo);
        Assert.Equal("qr", paid.GatewayDetails["payType"]);

        Assert.Equal(HttpStatusCode.NoContent, await PostIpnAsync(app, ipn.Body));
        // Whatever the repeat wrote would show before the answer to a later message.
        await citizen.SayAsync("/trogiup");
        await citizen.WaitForTextAsync(Said.Help);
        Assert.Single(citizen.Seen, m => m.Text.Contains(Said.Paid));
        var dossier = app.Service<IChatPayStore>().Read(s => s.Dossiers.Find(Code))!;
        Assert.Equal(DossierStatus.Paid, dossier.Status);
    }

    [Fact]
    public async Task A_refund_asked_by_the_agency_system_and_approved_by_an_officer_goes_through_momos_refund_api()
    {
        using var app = Start(_momo, [.. PortalClient.Settings]);
        var (citizen, _, _) = await ToMoMoAsync(app);
        await _momo.PayAsync(Assert.Single(_momo.Orders).OrderId);
        await citizen.WaitForTextAsync(Said.Paid);
        var officer = await WebChatUser.EnrolAsync(app.Http, app.Service<ChatPay.Domain.ChatPayRules>().Staff.Agency("H42.10")!.EnrollmentCode);

        using var ask = new HttpRequestMessage(HttpMethod.Post, "/api/v1/refunds")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { paymentId = Reference, amount = 50_000, reason = "Thu thừa" }),
        };
        ask.Headers.Add(ApiKeyCheck.Header, PortalClient.Key);
        ask.Headers.Add(RefundEndpoints.IdempotencyHeader, "momo-1");
        Assert.Equal(HttpStatusCode.Created, (await app.Http.SendAsync(ask)).StatusCode);
        await officer.WaitForAsync(m => m.Choices.Any(c => c.Label == RefundTexts.ApproveLabel));
        await officer.PressAsync(RefundTexts.ApproveLabel);

        await citizen.WaitForTextAsync("Đã hoàn");
        var refund = app.Service<IChatPayStore>().Read(s => s.Refunds.Find($"{Reference}-r1"))!;
        Assert.Equal(RefundState.Refunded, refund.State);
        Assert.False(refund.Full);
        Assert.Equal("0", refund.GatewayCode);
    }

    [Fact]
    public async Task A_refund_whose_answer_was_lost_is_found_in_momos_refund_list_and_one_never_sent_is_not()
    {
        using var app = Start(_momo);
        var (citizen, _, _) = await ToMoMoAsync(app);
        await _momo.PayAsync(Assert.Single(_momo.Orders).OrderId);
        await citizen.WaitForTextAsync(Said.Paid);
        var momo = app.Service<IServiceProvider>().GetRequiredKeyedService<IPaymentGateway>(MoMoAdapter.GatewayName);
        var paid = Payment(app);
        var sent = new Refund { Id = $"{Reference}-r1", PaymentId = Reference, Amount = 30_000, RequestedAt = DateTimeOffset.UtcNow };
        var never = new Refund { Id = $"{Reference}-r2", PaymentId = Reference, Amount = 10_000, RequestedAt = DateTimeOffset.UtcNow };

        Assert.IsType<RefundResult.Done>(await momo.RefundAsync(paid, sent, CancellationToken.None));

        Assert.IsType<RefundResult.Done>(await momo.QueryRefundAsync(paid, sent, CancellationToken.None));
        Assert.IsType<RefundResult.NotFound>(await momo.QueryRefundAsync(paid, never, CancellationToken.None));
        Assert.Equal(30_000, Assert.Single(_momo.Orders).Refunded);
    }

    [Fact]
    public async Task A_forged_ipn_or_one_for_another_amount_changes_nothing()
    {
        using var app = Start(_momo);
        await ToMoMoAsync(app);
        var order = Assert.Single(_momo.Orders);

        Assert.Equal(HttpStatusCode.BadRequest, await PostIpnAsync(app, Ipn(order, 0, secretKey: "not-the-partners-key")));
        Assert.Equal(HttpStatusCode.BadRequest, await PostIpnAsync(app, "{\"partnerCode\":"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostIpnAsync(app, Ipn(order, 0, amount: Amount - 1_000)));

        Assert.Equal(PaymentState.Pending, Payment(app).State);
        Assert.Equal(HttpStatusCode.NoContent, await PostIpnAsync(app, Ipn(order, 0)));
        Assert.Equal(PaymentState.Succeeded, Payment(app).State);
    }

    [Fact]
    public async Task A_link_whose_gateway_cannot_be_reached_says_so_and_starts_nothing()
    {
        using var app = Start(_momo, ("Payments:MoMo:ApiUrl", $"http://127.0.0.1:{LoopbackPort.Free()}"));
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync(Code, "Ví MoMo");

        using var page = await app.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains(PaymentLinkEndpoints.GatewayBusyHeading, await page.Content.ReadAsStringAsync());
        Assert.Equal(PaymentState.Created, Payment(app).State);
        Assert.Null(Payment(app).Checkout);
    }

    [Fact]
    public async Task Money_taken_by_momo_after_the_citizen_cancelled_is_still_recorded_and_flagged()
    {
        using var app = Start(_momo);
        var (citizen, _, _) = await ToMoMoAsync(app);
        await citizen.SayAsync("/huy");
        await Eventually.HoldsAsync(() => Payment(app).State == PaymentState.Cancelled);

        await _momo.PayAsync(Reference);

        await citizen.WaitForTextAsync(Said.Paid);
        Assert.Equal(PaymentState.Succeeded, Payment(app).State);
        Assert.Equal(PaymentFlag.LateSuccess, Payment(app).Flag);
    }

    [Fact]
    public async Task A_declined_payment_tells_the_citizen_why_in_momos_words()
    {
        using var app = Start(_momo);
        var (citizen, _, _) = await ToMoMoAsync(app);

        await _momo.DeclineAsync(Reference);

        await citizen.WaitForTextAsync(MoMoCodes.Explain("1006"));
        var failed = Payment(app);
        Assert.Equal(PaymentState.Failed, failed.State);
        Assert.Equal("1006", failed.GatewayCode);
    }

    [Fact]
    public async Task A_payment_whose_ipn_is_lost_is_settled_by_momos_status_api()
    {
        await using var momo = await FakeMoMoServer.StartAsync(new FakeMoMoOptions { IpnAttempts = 0 });
        using var app = Start(momo, ("Payments:Reconciliation:Delay", "00:00:00.200"), ("Payments:Reconciliation:Interval", "00:00:00.050"));
        var (citizen, _, _) = await ToMoMoAsync(app);

        await momo.PayAsync(Reference);

        Assert.Empty(momo.Ipns);
        await citizen.WaitForTextAsync(Said.Paid);
        Assert.True(Payment(app).Checks >= 1);
    }

    [Fact]
    public async Task The_return_page_shows_a_signed_result_and_decides_nothing()
    {
        using var app = Start(_momo);
        await ToMoMoAsync(app);
        var order = Assert.Single(_momo.Orders);
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(Ipn(order, 0))!;
        var query = string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

        Assert.Contains(ReturnPages.PaidHeading, await app.Http.GetStringAsync($"{MoMoEndpoints.ReturnPath}?{query}"));
        using var forged = await app.Http.GetAsync($"{MoMoEndpoints.ReturnPath}?{query.Replace("resultCode=0", "resultCode=1006")}");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(PaymentState.Pending, Payment(app).State);
    }
}
