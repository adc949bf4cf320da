using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatPay.Bot.Api;
using ChatPay.Bot.Portal;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>The portal pushes payment requests over HTTP and reads dossiers back.</summary>
[Trait("Tier", "Integration")]
public class PaymentRequestApiTests : IDisposable
{
    private const string Code = "H42.10-261126-0042";
    private const string ApiKey = "portal-key-0123456789abcdefghij";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp Start(params (string Key, string Value)[] settings) => new(_directory.File("chatpay.db"),
        settings.Concat([("Api:Keys:0:Name", "Cổng DVC tỉnh"), ("Api:Keys:0:Key", ApiKey)]).ToDictionary(s => s.Item1, s => (string?)s.Item2));

    private static object Request(long amount = 200_000, string code = Code) => new
    {
        dossierCode = code,
        procedureName = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        agencyCode = "H42.10",
        applicantName = "Nguyễn Văn An",
        applicantPhone = "0912 345 678",
        fees = new[] { new { kind = "fee", name = "Phí cung cấp thông tin lý lịch tư pháp", amount } },
    };

    private static HttpRequestMessage Call(HttpMethod method, string path, object? body = null, string? key = ApiKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null) request.Headers.Add(ApiKeyCheck.Header, key);
        return request;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdefghij")]
    [InlineData("PORTAL-KEY-0123456789ABCDEFGHIJ")]
    public async Task Calls_without_the_right_key_are_refused(string? key)
    {
        using var app = Start();

        var response = await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request(), key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.SendAsync(Call(HttpMethod.Get, $"/api/v1/dossiers/{Code}", key: key))).StatusCode);
    }

    [Fact]
    public async Task A_request_is_created_once_and_a_resend_returns_it_unchanged()
    {
        using var app = Start();

        var created = await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request()));
        var again = await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request()));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/dossiers/{Code}", created.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var view = await Json(again);
        Assert.Equal(1, view.GetProperty("requestVersion").GetInt32());
        Assert.Equal("awaitingPayment", view.GetProperty("status").GetString());
        Assert.Equal("0912345678", view.GetProperty("applicant").GetProperty("phone").GetString());
        Assert.Equal(200_000, view.GetProperty("total").GetInt64());

        var citizen = await WebChatUser.OpenAsync(app.Http);
        await citizen.SayAsync(Code);
        await citizen.WaitForTextAsync(Said.Total(200_000));
    }

    [Fact]
    public async Task Every_invalid_field_gets_its_own_message()
    {
        using var app = Start();
        var body = new
        {
            dossierCode = "xin chào",
            procedureName = "",
            agencyCode = "H99.99",
            applicantName = 42,
            applicantPhone = "gọi tôi",
            fees = new object[] { new { kind = "tip", name = "Phí", amount = 0 }, new { kind = "fee", name = "Phí", amount = 1.5 }, "x" },
        };

        var response = await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await Json(response)).GetProperty("errors");
        string[] fields = ["dossierCode", "procedureName", "agencyCode", "applicantName", "applicantPhone", "fees[0].kind", "fees[0].amount", "fees[1].amount", "fees[2]"];
        Assert.All(fields, field => Assert.True(errors.TryGetProperty(field, out _), $"no message for {field}"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.SendAsync(Call(HttpMethod.Get, "/api/v1/dossiers/H99.99-261126-0001"))).StatusCode);
    }

    [Fact]
    public async Task A_request_without_lines_malformed_json_and_oversized_bodies_are_refused()
    {
        using var app = Start();

        var noLines = await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", new { dossierCode = Code, procedureName = "x", agencyCode = "H42.10", applicantName = "A", fees = Array.Empty<object>() }));
        Assert.Equal(HttpStatusCode.BadRequest, noLines.StatusCode);
        Assert.True((await Json(noLines)).GetProperty("errors").TryGetProperty("fees", out _));

        var malformed = Call(HttpMethod.Post, "/api/v1/payment-requests");
        malformed.Content = new StringContent("{\"dossierCode\": ", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Http.SendAsync(malformed)).StatusCode);

        var huge = Call(HttpMethod.Post, "/api/v1/payment-requests");
        huge.Content = new StringContent($"{{\"procedureName\": \"{new string('x', 200_000)}\"}}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await app.Http.SendAsync(huge)).StatusCode);
    }

    [Fact]
    public async Task An_amendment_while_a_link_is_open_closes_it_and_tells_the_citizen()
    {
        using var app = Start();
        await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request()));
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync(Code);

        var amended = await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request(amount: 250_000)));

        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(2, (await Json(amended)).GetProperty("requestVersion").GetInt32());
        await citizen.WaitForTextAsync(Said.Total(250_000));
        Assert.Equal(HttpStatusCode.Gone, (await app.Http.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_request_is_withdrawn_until_paid_and_a_paid_one_cannot_change()
    {
        using var app = Start();
        await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request()));

        Assert.Equal(HttpStatusCode.NoContent, (await app.Http.SendAsync(Call(HttpMethod.Delete, $"/api/v1/payment-requests/{Code}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.SendAsync(Call(HttpMethod.Delete, "/api/v1/payment-requests/H42.10-261126-9999"))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request()))).StatusCode);
        var citizen = await WebChatUser.OpenAsync(app.Http);
        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code));
        await citizen.WaitForTextAsync(Said.Paid);

        Assert.Equal(HttpStatusCode.Conflict, (await app.Http.SendAsync(Call(HttpMethod.Delete, $"/api/v1/payment-requests/{Code}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request(amount: 1_000)))).StatusCode);
        var view = await Json(await app.Http.SendAsync(Call(HttpMethod.Get, $"/api/v1/dossiers/{Code.ToLowerInvariant()}")));
        Assert.Equal("paid", view.GetProperty("status").GetString());
        Assert.Equal("0000002", view.GetProperty("receipt").GetProperty("number").GetString());
        var attempt = view.GetProperty("attempts")[0];
        Assert.Equal("succeeded", attempt.GetProperty("state").GetString());
        Assert.Equal("VnPay", attempt.GetProperty("gateway").GetString());
        Assert.Equal(attempt.GetProperty("id").GetString(), attempt.GetProperty("reference").GetString());
        Assert.Equal("succeeded", attempt.GetProperty("outcome").GetString());
        // What only VNPay speaks is under the attempt's gateway details.
        Assert.Equal("00/00", attempt.GetProperty("gatewayDetails").GetProperty("code").GetString());
        Assert.Equal("00", attempt.GetProperty("gatewayDetails").GetProperty("fields").GetProperty("vnp_ResponseCode").GetString());
        Assert.False(attempt.TryGetProperty("responseCode", out _));
    }

    [Fact]
    public async Task The_portal_is_told_of_a_payment_once_signed_and_retried_until_it_accepts()
    {
        await using var portal = await FakePortal.StartAsync();
        portal.AnswerNext(Code, 500, 503);
        const string secret = "portal-webhook-secret-0123456789";
        using var app = Start(("Portal:WebhookUrl", portal.Url), ("Portal:WebhookSecret", secret), ("Portal:Interval", "00:00:00.050"), ("Portal:RetryDelay", "00:00:00.100"));
        await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request()));
        var citizen = await WebChatUser.OpenAsync(app.Http);

        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code));

        // The demo's already-paid dossier was announced at start-up too; this test follows its own dossier.
        List<FakePortal.Delivery> Ours() => [.. portal.Deliveries.Where(d => d.Body.Contains(Code))];
        await Eventually.HoldsAsync(() => Ours().Count >= 3);
        var deliveries = Ours();
        Assert.Single(deliveries.Select(d => d.EventId).Distinct());
        var last = deliveries[^1];
        var parts = last.Signature!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(PortalWebhook.Sign(parts["t"], last.Body, secret), parts["v1"]);
        var data = JsonDocument.Parse(last.Body).RootElement.GetProperty("data");
        Assert.Equal(Code, data.GetProperty("dossierCode").GetString());
        Assert.Equal(200_000, data.GetProperty("amount").GetInt64());
        await citizen.SayAsync("/trogiup");
        await citizen.WaitForTextAsync(Said.Help);
        Assert.Equal(3, Ours().Count);
    }

    private const string LandKey = "land-office-key-0123456789abcdef";

    /// <summary>The portal's key acts for every agency; the land office's key only for H42.27.</summary>
    private ChatPayApp StartScoped() => Start(("Api:Keys:1:Name", "Một cửa VP Đăng ký đất đai"), ("Api:Keys:1:Key", LandKey), ("Api:Keys:1:Agencies:0", "H42.27"));

    [Fact]
    public async Task A_scoped_key_sees_and_changes_only_its_agencys_dossiers_and_others_are_not_found()
    {
        using var app = StartScoped();
        Assert.Equal(HttpStatusCode.Created, (await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request()))).StatusCode);
        var before = await Json(await app.Http.SendAsync(Call(HttpMethod.Get, $"/api/v1/dossiers/{Code}")));

        // Read, amend, withdraw another agency's dossier: as if it did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.SendAsync(Call(HttpMethod.Get, $"/api/v1/dossiers/{Code}", key: LandKey))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request(amount: 1_000), LandKey))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.SendAsync(Call(HttpMethod.Delete, $"/api/v1/payment-requests/{Code}", key: LandKey))).StatusCode);
        // Move it into its own agency.
        var moved = JsonSerializer.SerializeToElement(Request()).Deserialize<Dictionary<string, object>>()!;
        moved["agencyCode"] = "H42.27";
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", moved, LandKey))).StatusCode);
        // Create one for an agency it does not act for.
        Assert.Equal(HttpStatusCode.NotFound,
            (await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", Request(code: "H42.10-261126-0043"), LandKey))).StatusCode);

        Assert.Equal(before.GetRawText(), (await Json(await app.Http.SendAsync(Call(HttpMethod.Get, $"/api/v1/dossiers/{Code}")))).GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.SendAsync(Call(HttpMethod.Get, "/api/v1/dossiers/H42.10-261126-0043"))).StatusCode);
    }

    [Fact]
    public async Task A_scoped_key_creates_reads_and_withdraws_its_own_agencys_dossiers()
    {
        using var app = StartScoped();
        var own = JsonSerializer.SerializeToElement(Request(code: "H42.27-261126-0050")).Deserialize<Dictionary<string, object>>()!;
        own["agencyCode"] = "H42.27";

        Assert.Equal(HttpStatusCode.Created, (await app.Http.SendAsync(Call(HttpMethod.Post, "/api/v1/payment-requests", own, LandKey))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(Call(HttpMethod.Get, "/api/v1/dossiers/H42.27-261126-0050", key: LandKey))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Http.SendAsync(Call(HttpMethod.Delete, "/api/v1/payment-requests/H42.27-261126-0050", key: LandKey))).StatusCode);
    }
}
