using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatPay.Fakes.MoMo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace ChatPay.Fakes.Tests;

/// <summary>The fake MoMo signs, checks and reports as MoMo's one-time payment API v2 does (developers.momo.vn; shared/docs/protocols-wallets.md).</summary>
[Trait("Tier", "Integration")]
public class FakeMoMoServerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);
    private const string AccessKey = "F8BBA842ECF85";
    private const string SecretKey = "K951B6PE1waDMi640xX08PD3vg6EkVlz";

    private static readonly Dictionary<string, string> Vector = new()
    {
        ["partnerCode"] = "MOMO", ["orderId"] = "MOMO1735689600000", ["requestId"] = "MOMO1735689600000", ["amount"] = "50000", ["extraData"] = "",
        ["orderInfo"] = "pay with MoMo", ["ipnUrl"] = "https://example.com/momo/ipn", ["redirectUrl"] = "https://example.com/momo/return",
    };

    [Fact]
    public void The_signatures_match_the_worked_examples()
    {
        Assert.Equal("570cd905cffcc5631d9e997e84afc0fa5c95a495352dbf9853a1a1002d5d3367",
            MoMoSignature.Of(SecretKey, AccessKey, With(Vector, ("requestType", "captureWallet")), MoMoSignature.CreateFields));
        Assert.Equal("697e46619978c6d2f9bab4dc5281cc59a9f8d5363ea14460b58e460c704ac2f3", MoMoSignature.Of(SecretKey, AccessKey,
            With(Vector, ("message", "Successful."), ("orderType", "momo_wallet"), ("payType", "qr"), ("responseTime", "1735689660000"), ("resultCode", "0"), ("transId", "4088878653")),
            MoMoSignature.IpnFields));
        Assert.Equal("d9b813ca53cd4ecb8be6c31499e21b8f10a3abdd728a4346a9e183ec1efdfa12", MoMoSignature.Of(SecretKey, AccessKey, Vector, MoMoSignature.QueryFields));
        Assert.Equal("355fe611db66ec16283f472f1ee339b2074b4bdadd6e29d7e621396c076aa945", MoMoSignature.Of(SecretKey, AccessKey,
            With(Vector, ("orderId", "MOMO1735689700000"), ("requestId", "MOMO1735689700000"), ("description", ""), ("transId", "4088878653")), MoMoSignature.RefundFields));
    }

    [Fact]
    public async Task An_order_is_created_once_a_replay_gets_the_same_answer_and_a_reused_id_is_refused()
    {
        await using var momo = await Start();
        using var http = new HttpClient { BaseAddress = new Uri(momo.BaseUrl) };
        var order = Order("H42-0001-1", "req-1");

        var created = await PostAsync(http, "/v2/gateway/api/create", order);
        Assert.Equal(0, created["resultCode"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(created["payUrl"]!.GetValue<string>())).StatusCode);
        Assert.Equal(0, (await PostAsync(http, "/v2/gateway/api/create", order))["resultCode"]!.GetValue<int>());

        Assert.Equal(40, (await PostAsync(http, "/v2/gateway/api/create", Order("H42-0001-2", "req-1")))["resultCode"]!.GetValue<int>());
        Assert.Equal(41, (await PostAsync(http, "/v2/gateway/api/create", Order("H42-0001-1", "req-2")))["resultCode"]!.GetValue<int>());
        Assert.Single(momo.Orders);
    }

    public static TheoryData<string, Action<Dictionary<string, string>>, int> Refusals => new()
    {
        { "signed with another key", o => o["signature"] = MoMoSignature.Of("another-secret", AccessKey, o, MoMoSignature.CreateFields), 13 },
        { "a changed amount", o => o["amount"] = "60000", 13 },
        { "999 ₫ from a wallet", o => Resign(o, "amount", "999"), 21 },
        { "9.999 ₫ by ATM card", o => { o["requestType"] = "payWithATM"; Resign(o, "amount", "9999"); }, 21 },
        { "an orderId starting with a dash", o => Resign(o, "orderId", "-H42"), 20 },
        { "extraData not base64 JSON", o => Resign(o, "extraData", "{}"), 20 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_order_momo_would_refuse_is_refused_with_its_code(string what, Action<Dictionary<string, string>> spoil, int resultCode)
    {
        await using var momo = await Start();
        using var http = new HttpClient { BaseAddress = new Uri(momo.BaseUrl) };
        var order = Order("H42-0001-1", "req-1");
        spoil(order);

        Assert.True(resultCode == (await PostAsync(http, "/v2/gateway/api/create", order))["resultCode"]!.GetValue<int>(), what);
        Assert.Empty(momo.Orders);
    }

    [Fact]
    public async Task A_payment_is_reported_by_a_signed_ipn_and_by_the_query()
    {
        await using var partner = await Partner.StartAsync(HttpStatusCode.NoContent);
        await using var momo = await Start();
        using var http = new HttpClient { BaseAddress = new Uri(momo.BaseUrl) };
        await PostAsync(http, "/v2/gateway/api/create", Order("H42-0001-1", "req-1", partner.Url));
        Assert.Equal(1000, (await QueryAsync(http, "H42-0001-1"))["resultCode"]!.GetValue<int>());

        await momo.PayAsync("H42-0001-1");

        var ipn = JsonNode.Parse(Assert.Single(partner.Bodies))!.AsObject();
        var fields = ipn.ToDictionary(p => p.Key, p => p.Value!.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString());
        Assert.Equal(MoMoSignature.Of(SecretKey, AccessKey, fields, MoMoSignature.IpnFields), fields["signature"]);
        Assert.Equal(("0", "50000", "momo_wallet"), (fields["resultCode"], fields["amount"], fields["orderType"]));
        var queried = await QueryAsync(http, "H42-0001-1");
        Assert.Equal(0, queried["resultCode"]!.GetValue<int>());
        Assert.Equal(fields["transId"], queried["transId"]!.ToJsonString());
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, 1)]
    [InlineData(HttpStatusCode.OK, 1)]
    [InlineData(HttpStatusCode.InternalServerError, 3)]
    public async Task An_ipn_is_undelivered_until_the_partner_answers_2xx(HttpStatusCode answer, int attempts)
    {
        await using var partner = await Partner.StartAsync(answer);
        await using var momo = await Start();
        using var http = new HttpClient { BaseAddress = new Uri(momo.BaseUrl) };
        await PostAsync(http, "/v2/gateway/api/create", Order("H42-0001-1", "req-1", partner.Url));

        await momo.DeclineAsync("H42-0001-1");

        Assert.Equal(attempts, partner.Bodies.Count);
        Assert.Equal("1006", JsonNode.Parse(partner.Bodies.First())!["resultCode"]!.ToJsonString());
        Assert.Equal(1006, (await QueryAsync(http, "H42-0001-1"))["resultCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_refund_needs_a_new_order_id_and_stays_within_what_was_paid()
    {
        await using var partner = await Partner.StartAsync(HttpStatusCode.NoContent);
        await using var momo = await Start();
        using var http = new HttpClient { BaseAddress = new Uri(momo.BaseUrl) };
        await PostAsync(http, "/v2/gateway/api/create", Order("H42-0001-1", "req-1", partner.Url));
        await momo.PayAsync("H42-0001-1");
        var transId = Assert.Single(momo.Orders).TransId.ToString(CultureInfo.InvariantCulture);

        Assert.Equal(41, (await RefundAsync(http, "H42-0001-1", "req-r1", transId, 50_000))["resultCode"]!.GetValue<int>());
        Assert.Equal(1080, (await RefundAsync(http, "H42-0001-r2", "req-r2", transId, 50_001))["resultCode"]!.GetValue<int>());
        Assert.Equal(0, (await RefundAsync(http, "H42-0001-r3", "req-r3", transId, 50_000))["resultCode"]!.GetValue<int>());
        Assert.Equal(1081, (await RefundAsync(http, "H42-0001-r4", "req-r4", transId, 1_000))["resultCode"]!.GetValue<int>());
    }

    private static async Task<FakeMoMoServer> Start() =>
        await FakeMoMoServer.StartAsync(new FakeMoMoOptions { Clock = new FakeTimeProvider(Now), IpnRetryDelay = TimeSpan.Zero });

    private static Dictionary<string, string> Order(string orderId, string requestId, string ipnUrl = "http://127.0.0.1:9/payments/momo/ipn")
    {
        var order = new Dictionary<string, string>
        {
            ["partnerCode"] = "MOMO", ["requestId"] = requestId, ["amount"] = "50000", ["orderId"] = orderId, ["orderInfo"] = "Thanh toán hồ sơ H42.10-261125-0001",
            ["redirectUrl"] = "https://chatpay.example/payments/momo/return", ["ipnUrl"] = ipnUrl, ["requestType"] = "captureWallet", ["extraData"] = "", ["lang"] = "vi",
        };
        order["signature"] = MoMoSignature.Of(SecretKey, AccessKey, order, MoMoSignature.CreateFields);
        return order;
    }

    private static void Resign(Dictionary<string, string> order, string field, string value)
    {
        order[field] = value;
        order["signature"] = MoMoSignature.Of(SecretKey, AccessKey, order, MoMoSignature.CreateFields);
    }

    private static Dictionary<string, string> With(Dictionary<string, string> fields, params (string Key, string Value)[] more)
    {
        var copy = new Dictionary<string, string>(fields);
        foreach (var (key, value) in more) copy[key] = value;
        return copy;
    }

    private static Task<JsonNode> QueryAsync(HttpClient http, string orderId)
    {
        var query = new Dictionary<string, string> { ["partnerCode"] = "MOMO", ["requestId"] = "q-" + orderId, ["orderId"] = orderId, ["lang"] = "vi" };
        query["signature"] = MoMoSignature.Of(SecretKey, AccessKey, query, MoMoSignature.QueryFields);
        return PostAsync(http, "/v2/gateway/api/query", query);
    }

    private static Task<JsonNode> RefundAsync(HttpClient http, string orderId, string requestId, string transId, long amount)
    {
        var refund = new Dictionary<string, string>
        {
            ["partnerCode"] = "MOMO", ["orderId"] = orderId, ["requestId"] = requestId, ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
            ["transId"] = transId, ["lang"] = "vi", ["description"] = "",
        };
        refund["signature"] = MoMoSignature.Of(SecretKey, AccessKey, refund, MoMoSignature.RefundFields);
        return PostAsync(http, "/v2/gateway/api/refund", refund);
    }

    /// <summary>JSON, amounts as numbers, the way MoMo's samples post.</summary>
    private static async Task<JsonNode> PostAsync(HttpClient http, string path, Dictionary<string, string> fields)
    {
        var body = new JsonObject();
        foreach (var (key, value) in fields) body[key] = key is "amount" or "transId" ? JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)) : JsonValue.Create(value);
        using var response = await http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A partner's IPN endpoint answering every IPN with the status chosen.</summary>
    private sealed class Partner : IAsyncDisposable
    {
        private WebApplication? _app;

        public ConcurrentQueue<string> Bodies { get; } = new();
        public string Url { get; private set; } = "";

        public static async Task<Partner> StartAsync(HttpStatusCode answer)
        {
            var partner = new Partner();
            var app = LoopbackApp.Create();
            app.MapPost("/payments/momo/ipn", async (HttpRequest request) =>
            {
                partner.Bodies.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
                return Results.StatusCode((int)answer);
            });
            partner._app = app;
            partner.Url = await LoopbackApp.StartAsync(app) + "/payments/momo/ipn";
            return partner;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null) await _app.DisposeAsync();
        }
    }
}
