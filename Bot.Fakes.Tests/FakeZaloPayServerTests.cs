using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatPay.Fakes.ZaloPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace ChatPay.Fakes.Tests;

/// <summary>The fake ZaloPay signs, checks and calls back as ZaloPay's API v2 does (docs.zalopay.vn; shared/docs/protocols-wallets.md).</summary>
[Trait("Tier", "Integration")]
public class FakeZaloPayServerTests
{
    // 2026-11-27 23:30 UTC is 2026-11-28 06:30 in Vietnam: the order's date prefix is GMT+7's, not UTC's.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);
    private const string Key1 = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL";
    private const string Key2 = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz";

    [Theory]
    [InlineData("9phuAOYhan4urywHTh0ndEXiV3pKHr5Q", "553|200904_000234|user123|10000|1599202366026|{}|[]", "7e95836a9feace32458f23416feea423172ef0a098f27a668a1e10788b5a6838")]
    [InlineData(Key1, "2553|250101_000001|user123|50000|1735689600000|{\"redirecturl\":\"https://example.com/result\"}|[]", "a952766792605985c56d3a35755168a6110384e864a297cadd78a091df17a248")]
    [InlineData(Key1, "2553|250101_000001|PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL", "836c79ce234adfe157f3086e5c15195f4fdae48d795518dd474fc300188c04fc")]
    [InlineData(Key1, "2553|250101000000123|50000|Refund|1735693200000", "d37474d58d0f240a54172b4cbd7bc7d5d1243d35834882543506f7c8cfd1a9d4")]
    [InlineData(Key1, "2553|250101_2553_r0001|1735693200000", "1b52f76228072bb8d8be6ff75486eac3a2da96b87c4734793e5306512eb3292c")]
    [InlineData(Key2, "2553|250101_000001|38||50000|0|1", "1a49a90ad7951e9c1113e014011272b9aa8a6cc7b0d040518a273dd66f0da1b6")]
    public void The_mac_matches_zalopays_known_answers(string key, string joined, string mac) =>
        Assert.Equal(mac, ZaloPayMac.Of(key, joined.Split('|')));

    [Fact]
    public async Task A_well_formed_order_is_created_once_and_can_be_opened()
    {
        await using var zaloPay = await Start();
        using var http = new HttpClient { BaseAddress = new Uri(zaloPay.BaseUrl) };

        var created = await CreateAsync(http, Order("261128_H42-0001"));
        Assert.Equal(1, created["return_code"]!.GetValue<int>());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(created["order_url"]!.GetValue<string>())).StatusCode);

        var again = await CreateAsync(http, Order("261128_H42-0001"));
        Assert.Equal((2, -68), Codes(again));
    }

    public static TheoryData<string, Action<Dictionary<string, string>>, int> Refusals => new()
    {
        { "a MAC made with key2", o => o["mac"] = ZaloPayMac.Of(Key2, Signed(o)), -402 },
        { "a changed amount", o => o["amount"] = "50001", -402 },
        { "another app", o => { o["app_id"] = "553"; o["mac"] = ZaloPayMac.Of(Key1, Signed(o)); }, -402 },
        { "UTC's date", o => Resign(o, "app_trans_id", "261127_H42-0001"), -401 },
        { "41 characters", o => Resign(o, "app_trans_id", "261128_" + new string('9', 34)), -401 },
        { "an app_time 20 minutes old", o => Resign(o, "app_time", Now.AddMinutes(-20).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)), -401 },
        { "an empty app_user", o => Resign(o, "app_user", ""), -401 },
        { "item not an array", o => Resign(o, "item", "{}"), -401 },
        { "an expiry under 5 minutes", o => o["expire_duration_seconds"] = "299", -401 },
        { "no description", o => o.Remove("description"), -401 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_order_zalopay_would_refuse_is_refused_with_its_code(string what, Action<Dictionary<string, string>> spoil, int subCode)
    {
        await using var zaloPay = await Start();
        using var http = new HttpClient { BaseAddress = new Uri(zaloPay.BaseUrl) };
        var order = Order("261128_H42-0001");
        spoil(order);

        Assert.True((2, subCode) == Codes(await CreateAsync(http, order)), what);
        Assert.Empty(zaloPay.Orders);
    }

    [Fact]
    public async Task A_paid_order_is_reported_once_acknowledged_signed_with_key2_over_the_data_as_sent()
    {
        await using var merchant = await Merchant.StartAsync(_ => 1);
        await using var zaloPay = await Start(merchant.Url);
        using var http = new HttpClient { BaseAddress = new Uri(zaloPay.BaseUrl) };
        await CreateAsync(http, Order("261128_H42-0001"));
        Assert.Equal(3, (await QueryAsync(http, "261128_H42-0001"))["return_code"]!.GetValue<int>());

        await zaloPay.PayAsync("261128_H42-0001");

        var body = Assert.Single(merchant.Bodies);
        var callback = JsonNode.Parse(body)!;
        var data = callback["data"]!.GetValue<string>();
        Assert.Equal(ZaloPayMac.Of(Key2, data), callback["mac"]!.GetValue<string>());
        Assert.Equal(1, callback["type"]!.GetValue<int>());
        var fields = JsonNode.Parse(data)!;
        Assert.Equal("261128_H42-0001", fields["app_trans_id"]!.GetValue<string>());
        Assert.Equal(50_000, fields["amount"]!.GetValue<long>());
        var paid = await QueryAsync(http, "261128_H42-0001");
        Assert.Equal(1, paid["return_code"]!.GetValue<int>());
        Assert.Equal(fields["zp_trans_id"]!.GetValue<long>(), paid["zp_trans_id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(2, 1)]
    [InlineData(-1, 1)]
    public async Task A_callback_is_made_again_at_most_three_times_while_the_merchant_answers_0(int answer, int attempts)
    {
        await using var merchant = await Merchant.StartAsync(_ => answer);
        await using var zaloPay = await Start(merchant.Url);
        using var http = new HttpClient { BaseAddress = new Uri(zaloPay.BaseUrl) };
        await CreateAsync(http, Order("261128_H42-0001"));

        await zaloPay.PayAsync("261128_H42-0001");

        Assert.Equal(attempts, merchant.Bodies.Count);
        Assert.Equal(attempts, zaloPay.Callbacks.Count);
    }

    [Fact]
    public async Task A_failed_order_is_never_called_back_and_queries_as_2()
    {
        await using var merchant = await Merchant.StartAsync(_ => 1);
        await using var zaloPay = await Start(merchant.Url);
        using var http = new HttpClient { BaseAddress = new Uri(zaloPay.BaseUrl) };
        await CreateAsync(http, Order("261128_H42-0001"));

        zaloPay.Fail("261128_H42-0001");

        Assert.Equal(2, (await QueryAsync(http, "261128_H42-0001"))["return_code"]!.GetValue<int>());
        Assert.Empty(merchant.Bodies);
    }

    [Fact]
    public async Task Refunds_go_through_asynchronously_up_to_the_amount_paid()
    {
        await using var merchant = await Merchant.StartAsync(_ => 1);
        await using var zaloPay = await Start(merchant.Url);
        using var http = new HttpClient { BaseAddress = new Uri(zaloPay.BaseUrl) };
        await CreateAsync(http, Order("261128_H42-0001"));
        await zaloPay.PayAsync("261128_H42-0001");
        var zpTransId = Assert.Single(zaloPay.Orders).ZpTransId.ToString(CultureInfo.InvariantCulture);

        var first = await PostAsync(http, "/v2/refund", Refund("261128_2553_r1", zpTransId, 30_000));
        Assert.Equal(3, first["return_code"]!.GetValue<int>());
        var timestamp = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var done = await PostAsync(http, "/v2/query_refund", new() { ["app_id"] = "2553", ["m_refund_id"] = "261128_2553_r1", ["timestamp"] = timestamp, ["mac"] = ZaloPayMac.Of(Key1, "2553", "261128_2553_r1", timestamp) });
        Assert.Equal(1, done["return_code"]!.GetValue<int>());

        Assert.Equal((2, -401), Codes(await PostAsync(http, "/v2/refund", Refund("261128_2553_r2", zpTransId, 20_001))));
        Assert.Equal(3, (await PostAsync(http, "/v2/refund", Refund("261128_2553_r2", zpTransId, 20_000)))["return_code"]!.GetValue<int>());
    }

    private static async Task<FakeZaloPayServer> Start(string? callbackUrl = null) => await FakeZaloPayServer.StartAsync(new FakeZaloPayOptions
    {
        Clock = new FakeTimeProvider(Now), CallbackUrl = callbackUrl, CallbackRetryDelay = TimeSpan.Zero,
    });

    private static Dictionary<string, string> Order(string appTransId)
    {
        var order = new Dictionary<string, string>
        {
            ["app_id"] = "2553", ["app_user"] = "H42.10-261125-0001", ["app_trans_id"] = appTransId,
            ["app_time"] = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ["amount"] = "50000",
            ["item"] = "[]", ["embed_data"] = "{\"redirecturl\":\"https://chatpay.example/payments/zalopay/return\"}",
            ["description"] = "ChatPay - Thanh toán hồ sơ H42.10-261125-0001", ["bank_code"] = "",
        };
        order["mac"] = ZaloPayMac.Of(Key1, Signed(order));
        return order;
    }

    private static string[] Signed(Dictionary<string, string> o) =>
        [o["app_id"], o["app_trans_id"], o["app_user"], o["amount"], o["app_time"], o["embed_data"], o["item"]];

    private static void Resign(Dictionary<string, string> order, string field, string value)
    {
        order[field] = value;
        order["mac"] = ZaloPayMac.Of(Key1, Signed(order));
    }

    private static Dictionary<string, string> Refund(string refundId, string zpTransId, long amount)
    {
        var timestamp = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var text = amount.ToString(CultureInfo.InvariantCulture);
        return new()
        {
            ["app_id"] = "2553", ["m_refund_id"] = refundId, ["zp_trans_id"] = zpTransId, ["amount"] = text, ["timestamp"] = timestamp,
            ["description"] = "Hoàn tiền", ["mac"] = ZaloPayMac.Of(Key1, "2553", zpTransId, text, "Hoàn tiền", timestamp),
        };
    }

    private static Task<JsonNode> CreateAsync(HttpClient http, Dictionary<string, string> order) => PostAsync(http, "/v2/create", order);

    private static Task<JsonNode> QueryAsync(HttpClient http, string appTransId) => PostAsync(http, "/v2/query",
        new() { ["app_id"] = "2553", ["app_trans_id"] = appTransId, ["mac"] = ZaloPayMac.Of(Key1, "2553", appTransId, Key1) });

    /// <summary>As a form, the way ZaloPay's samples post.</summary>
    private static async Task<JsonNode> PostAsync(HttpClient http, string path, Dictionary<string, string> fields)
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static (int, int) Codes(JsonNode answer) => (answer["return_code"]!.GetValue<int>(), answer["sub_return_code"]!.GetValue<int>());

    /// <summary>A merchant's callback endpoint answering each callback with the return_code chosen.</summary>
    private sealed class Merchant : IAsyncDisposable
    {
        private WebApplication? _app;

        public ConcurrentQueue<string> Bodies { get; } = new();
        public string Url { get; private set; } = "";

        public async ValueTask DisposeAsync()
        {
            if (_app is not null) await _app.DisposeAsync();
        }

        public static async Task<Merchant> StartAsync(Func<int, int> answer)
        {
            var merchant = new Merchant();
            var app = LoopbackApp.Create();
            app.MapPost("/payments/zalopay/callback", async (HttpRequest request) =>
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                merchant.Bodies.Enqueue(body);
                return Results.Json(new { return_code = answer(merchant.Bodies.Count), return_message = "ok" });
            });
            merchant._app = app;
            merchant.Url = await LoopbackApp.StartAsync(app) + "/payments/zalopay/callback";
            return merchant;
        }
    }
}
