using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Payments.ZaloPay;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Storage;
using ChatPay.Fakes.ZaloPay;
using ChatPay.Tests.Support;
using FakeMac = ChatPay.Fakes.ZaloPay.ZaloPayMac;

namespace ChatPay.Tests.EndToEnd;

/// <summary>A citizen pays with "Ví ZaloPay" in the web chat; ChatPay speaks ZaloPay's API v2 to the fake, which enforces ZaloPay's rules.</summary>
[Trait("Tier", "Integration")]
public sealed class ZaloPayJourneyTests : IAsyncLifetime
{
    private const string Code = "H42.10-261125-0001";
    private const string Reference = $"{Code}_1";
    private const long Amount = 200_000;
    private readonly TempDirectory _directory = new();
    private FakeZaloPayServer _zaloPay = null!;

    public async Task InitializeAsync() => _zaloPay = await FakeZaloPayServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _zaloPay.DisposeAsync();
        _directory.Dispose();
    }

    private ChatPayApp Start(FakeZaloPayServer zaloPay, params (string Key, string Value)[] settings) => new(_directory.File("chatpay.db"),
        new Dictionary<string, string?>
        {
            ["Payments:ZaloPay:AppId"] = zaloPay.Options.AppId.ToString(CultureInfo.InvariantCulture),
            ["Payments:ZaloPay:Key1"] = zaloPay.Options.Key1,
            ["Payments:ZaloPay:Key2"] = zaloPay.Options.Key2,
            ["Payments:ZaloPay:ApiUrl"] = zaloPay.BaseUrl,
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    private static Payment Payment(ChatPayApp app) => app.Service<IChatPayStore>().Read(s => s.Payments.Find(Reference))!;

    private static async Task<(WebChatUser Citizen, string Link, Uri OrderUrl)> ToZaloPayAsync(ChatPayApp app)
    {
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync(Code, "Ví ZaloPay");
        return (citizen, link, await SandboxPayer.FollowLinkAsync(app.Http, link));
    }

    /// <summary>A callback as ZaloPay sends it: the data string and its MAC with key2 (or another key).</summary>
    private string Callback(ZaloPayOrder order, long? amount = null, string? key2 = null)
    {
        var data = JsonSerializer.Serialize(new JsonObject
        {
            ["app_id"] = _zaloPay.Options.AppId, ["app_trans_id"] = order.AppTransId, ["app_time"] = order.AppTime, ["app_user"] = order.AppUser,
            ["amount"] = amount ?? order.Amount, ["embed_data"] = order.EmbedData, ["item"] = order.Item, ["zp_trans_id"] = 250_101_000_999_999,
            ["server_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ["channel"] = 38, ["merchant_user_id"] = "", ["user_fee_amount"] = 0, ["discount_amount"] = 0,
        });
        return JsonSerializer.Serialize(new { data, mac = FakeMac.Of(key2 ?? _zaloPay.Options.Key2, data), type = 1 });
    }

    private static async Task<int> PostCallbackAsync(ChatPayApp app, string body)
    {
        using var response = await app.Http.PostAsync(ZaloPayEndpoints.CallbackPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["return_code"]!.GetValue<int>();
    }

    [Fact]
    public async Task An_approved_refund_goes_through_zalopays_asynchronous_refund_and_its_status()
    {
        using var app = Start(_zaloPay, [.. PortalClient.Settings]);
        var (citizen, _, _) = await ToZaloPayAsync(app);
        await _zaloPay.PayAsync(Assert.Single(_zaloPay.Orders).AppTransId);
        await citizen.WaitForTextAsync(Said.Paid);
        var officer = await WebChatUser.EnrolAsync(app.Http, app.Service<ChatPay.Domain.ChatPayRules>().Staff.Agency("H42.10")!.EnrollmentCode);
        app.Service<IChatPayStore>().Write(s => new RefundDesk().Request(s, Reference, 60_000, "Thu thừa", "api:test", "hệ thống thử", null, DateTimeOffset.UtcNow));

        await officer.WaitForAsync(m => m.Choices.Any(c => c.Label == RefundTexts.ApproveLabel));
        await officer.PressAsync(RefundTexts.ApproveLabel);

        await citizen.WaitForTextAsync("Đã hoàn");
        var refund = app.Service<IChatPayStore>().Read(s => s.Refunds.Find($"{Reference}-r1"))!;
        Assert.Equal(RefundState.Refunded, refund.State);
        Assert.Equal(1, refund.Attempts);
    }

    [Fact]
    public async Task A_citizen_pays_with_zalopay_and_gets_the_receipt_once_though_the_callback_comes_twice()
    {
        using var app = Start(_zaloPay);
        var (citizen, link, orderUrl) = await ToZaloPayAsync(app);

        var order = Assert.Single(_zaloPay.Orders);
        Assert.EndsWith($"_{Reference}", order.AppTransId);
        Assert.Equal(Amount, order.Amount);
        Assert.Equal(order.Token, orderUrl.Segments[^1]);
        Assert.Equal(orderUrl, await SandboxPayer.FollowLinkAsync(app.Http, link));
        Assert.Single(_zaloPay.Orders);

        await _zaloPay.PayAsync(order.AppTransId);
        var callback = Assert.Single(_zaloPay.Callbacks);
        Assert.Equal(1, callback.ReturnCode);
        await citizen.WaitForTextAsync(Said.Paid);
        var paid = Payment(app);
        Assert.Equal(PaymentState.Succeeded, paid.State);
        Assert.Equal(ZaloPayAdapter.GatewayName, paid.Gateway);
        Assert.Equal(order.AppTransId, paid.GatewayReference);
        Assert.Equal(order.ZpTransId.ToString(CultureInfo.InvariantCulture), paid.TransactionNo);

        Assert.Equal(2, await PostCallbackAsync(app, callback.Body));
        await citizen.SayAsync("/trogiup");
        await citizen.WaitForTextAsync(Said.Help);
        Assert.Single(citizen.Seen, m => m.Text.Contains(Said.Paid));
    }

    [Fact]
    public async Task A_forged_callback_or_one_for_another_amount_changes_nothing()
    {
        using var app = Start(_zaloPay);
        await ToZaloPayAsync(app);
        var order = Assert.Single(_zaloPay.Orders);

        Assert.Equal(-1, await PostCallbackAsync(app, Callback(order, key2: _zaloPay.Options.Key1)));
        Assert.Equal(-1, await PostCallbackAsync(app, """{"data":"{}","mac":"00","type":1}"""));
        Assert.Equal(2, await PostCallbackAsync(app, Callback(order, amount: Amount + 1)));

        Assert.Equal(PaymentState.Pending, Payment(app).State);
        Assert.Equal(1, await PostCallbackAsync(app, Callback(order)));
        Assert.Equal(PaymentState.Succeeded, Payment(app).State);
    }

    [Fact]
    public async Task A_paid_order_whose_callback_is_lost_is_settled_by_zalopays_query()
    {
        await using var zaloPay = await FakeZaloPayServer.StartAsync(new FakeZaloPayOptions { CallbacksArrive = false });
        using var app = Start(zaloPay, ("Payments:Reconciliation:Delay", "00:00:00.200"), ("Payments:Reconciliation:Interval", "00:00:00.050"));
        var (citizen, _, _) = await ToZaloPayAsync(app);

        await zaloPay.PayAsync(Assert.Single(zaloPay.Orders).AppTransId);

        Assert.Empty(zaloPay.Callbacks);
        await citizen.WaitForTextAsync(Said.Paid);
        Assert.True(Payment(app).Checks >= 1);
    }

    [Fact]
    public async Task A_failed_order_is_told_to_the_citizen_from_zalopays_query()
    {
        using var app = Start(_zaloPay, ("Payments:Reconciliation:Delay", "00:00:00.200"), ("Payments:Reconciliation:Interval", "00:00:00.050"));
        var (citizen, _, _) = await ToZaloPayAsync(app);

        _zaloPay.Fail(Assert.Single(_zaloPay.Orders).AppTransId);

        await citizen.WaitForTextAsync(ZaloPayReports.NotPaidReason);
        Assert.Equal(PaymentState.Failed, Payment(app).State);
    }

    [Fact]
    public async Task The_redirect_page_checks_its_checksum_and_decides_nothing()
    {
        using var app = Start(_zaloPay);
        await ToZaloPayAsync(app);
        var order = Assert.Single(_zaloPay.Orders);
        string[] values = [_zaloPay.Options.AppId.ToString(CultureInfo.InvariantCulture), order.AppTransId, "38", "", Amount.ToString(CultureInfo.InvariantCulture), "0", "1"];
        var query = $"appid={values[0]}&apptransid={values[1]}&pmcid=38&bankcode=&amount={values[4]}&discountamount=0&status=1&checksum={FakeMac.Of(_zaloPay.Options.Key2, values)}";

        Assert.Contains(ReturnPages.PaidHeading, await app.Http.GetStringAsync($"{ZaloPayEndpoints.ReturnPath}?{query}"));
        using var forged = await app.Http.GetAsync($"{ZaloPayEndpoints.ReturnPath}?{query.Replace("status=1", "status=-49")}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(PaymentState.Pending, Payment(app).State);
    }
}
