using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatPay.Bot.Api;
using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Security;

/// <summary>
/// The bad-input corpus thrown at every entry point: no 5xx, no crash, a clear answer where a person is waiting,
/// and no change to dossiers, payments, receipts, support cases or enrolments.
/// </summary>
[Trait("Tier", "Integration")]
public class BadInputTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private const string ApiKey = "portal-key-0123456789abcdefghij";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Web_chat_answers_every_bad_text_and_payload_politely_and_changes_no_record()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var store = app.Service<IHostStore>();
        var before = BadInput.Records(store);

        foreach (var text in BadInput.Texts)
        {
            var citizen = await WebChatUser.OpenAsync(app.Http);
            await citizen.WaitForAsync(_ => true);
            var response = await citizen.SayAsync(text);
            Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} for {Show(text)}");
            if (response.StatusCode != HttpStatusCode.Accepted) continue;
            var reply = await citizen.WaitForAsync(_ => true);
            BadInput.AssertPoliteVietnamese(reply.Text);
            Assert.DoesNotContain("Nguyễn Văn An", reply.Text);
        }
        var presser = await WebChatUser.OpenAsync(app.Http);
        foreach (var payload in BadInput.Payloads)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await presser.PostAsync(new { payload, messageId = 1 })).StatusCode);
            BadInput.AssertPoliteVietnamese((await presser.WaitForAsync(m => m.Text.Contains("nút", StringComparison.OrdinalIgnoreCase))).Text);
        }

        Assert.Equal(before, BadInput.Records(store));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"text\": 5}")]
    [InlineData("{\"text\": [\"H42.10-261125-0001\"]}")]
    [InlineData("{\"payload\": {}, \"messageId\": \"x\"}")]
    [InlineData("{\"payload\": \"cp1|1|confirm\", \"messageId\": 99999999999999999999}")]
    [InlineData("{\"text\": \"\\ud800\"}")]
    public async Task Malformed_web_chat_json_is_a_400_and_changes_nothing(string body)
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var before = BadInput.Records(app.Service<IHostStore>());
        var citizen = await WebChatUser.OpenAsync(app.Http);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebChatIdentity.Header, citizen.Token);
        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, BadInput.Records(app.Service<IHostStore>()));
    }

    [Fact]
    public async Task Telegram_answers_every_bad_text_and_forged_button_and_every_answer_is_valid_for_telegram()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var store = harness.App.Service<IHostStore>();
        var before = BadInput.Records(store);
        var chat = 1000L;

        foreach (var text in BadInput.Texts.Where(t => t.Trim().Length > 0))
        {
            chat++;
            // Telegram itself refuses messages over 4,096 characters.
            harness.Telegram.SendText(chat, text.Length > 4096 ? text[..4096] : text);
            var reply = await harness.Telegram.WaitForMessageAsync(chat, _ => true);
            BadInput.AssertPoliteVietnamese(reply.Text);
        }
        harness.Telegram.SendText(++chat, Code);
        var fees = await harness.WaitAsync(chat, Said.Fees);
        foreach (var payload in BadInput.Payloads.Where(p => p.Length > 0))
            harness.Telegram.Press(chat, fees.MessageId, payload);
        await Eventually.HoldsAsync(() => harness.Telegram.CallbackQueryIds.Count == BadInput.Payloads.Count(p => p.Length > 0)
            && harness.Telegram.CallbackQueryIds.All(harness.Telegram.WasAnswered));

        Assert.Equal(before, BadInput.Records(store));
        Assert.DoesNotContain(harness.Telegram.Calls, c => c.StatusCode >= 400);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"update_id\": \"x\"}")]
    [InlineData("{\"update_id\": 1, \"message\": {\"message_id\": 1, \"chat\": {\"id\": \"abc\"}}}")]
    [InlineData("{\"update_id\": 1, \"callback_query\": {\"id\": 5}}")]
    public async Task A_malformed_telegram_webhook_update_with_the_right_secret_is_a_400_or_ignored(string body)
    {
        await using var harness = await TelegramHarness.StartAsync(null, ("Telegram:Mode", "Webhook"), ("Telegram:WebhookUrl", "{base}/telegram/webhook"));
        await Eventually.HoldsAsync(() => harness.Telegram.WebhookSecret is not null);
        var before = BadInput.Records(harness.App.Service<IHostStore>());

        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoints.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhookEndpoints.SecretHeader, harness.Telegram.WebhookSecret);
        using var response = await harness.App.Http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        Assert.Equal(before, BadInput.Records(harness.App.Service<IHostStore>()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UPPER")]
    [InlineData("last character changed")]
    public async Task The_telegram_webhook_refuses_a_missing_or_altered_secret(string? alteration)
    {
        await using var harness = await TelegramHarness.StartAsync(null, ("Telegram:Mode", "Webhook"), ("Telegram:WebhookUrl", "{base}/telegram/webhook"));
        await Eventually.HoldsAsync(() => harness.Telegram.WebhookSecret is not null);
        var secret = harness.Telegram.WebhookSecret!;
        var presented = alteration switch
        {
            null => null,
            "UPPER" => secret.ToUpperInvariant() == secret ? secret.ToLowerInvariant() : secret.ToUpperInvariant(),
            "" => "",
            _ => secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a'),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoints.Path)
        {
            Content = new StringContent("{\"update_id\": 7, \"message\": {\"message_id\": 1, \"date\": 0, \"chat\": {\"id\": 5, \"type\": \"private\"}, \"text\": \"/start\"}}", Encoding.UTF8, "application/json"),
        };
        if (presented is not null) request.Headers.TryAddWithoutValidation(TelegramWebhookEndpoints.SecretHeader, presented);
        using var response = await harness.App.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(harness.Telegram.Messages(5));
    }

    [Fact]
    public async Task Zalo_answers_every_bad_text_and_refuses_malformed_or_re_encoded_events()
    {
        await using var harness = await ZaloHarness.StartAsync();
        var store = harness.App.Service<IHostStore>();
        var before = BadInput.Records(store);
        var user = 0;

        foreach (var text in BadInput.Texts.Where(t => t.Trim().Length > 0 && t.Length <= 2000))
        {
            var id = $"bad-{++user}";
            (await harness.Driver.SendTextAsync(id, text)).EnsureSuccessStatusCode();
            BadInput.AssertPoliteVietnamese((await harness.Zalo.WaitForMessageAsync(id, _ => true)).Text);
        }
        var options = harness.Zalo.Options;
        var timestamp = options.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var raw in new[] { "{", "[]", "null", $"{{\"app_id\": \"{options.AppId}\", \"timestamp\": \"{timestamp}\", \"event_name\": 5}}" })
        {
            var signed = "mac=" + ChatPay.Fakes.Zalo.ZaloWebhookDriver.Sign(options.AppId, raw, timestamp, options.OaSecretKey);
            var status = (await harness.Driver.PostAsync(raw, signed)).StatusCode;
            Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.OK, $"{(int)status} for {raw}");
        }
        var body = $"{{\"app_id\":\"{options.AppId}\",\"event_name\":\"user_send_text\",\"sender\":{{\"id\":\"bad-x\"}},\"message\":{{\"msg_id\":\"m1\",\"text\":\"{Code}\"}},\"timestamp\":\"{timestamp}\"}}";
        var signature = "mac=" + ChatPay.Fakes.Zalo.ZaloWebhookDriver.Sign(options.AppId, body, timestamp, options.OaSecretKey);
        var reEncoded = body.Replace(Code, string.Concat(Code.Select(c => $"\\u{(int)c:x4}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Driver.PostAsync(reEncoded, signature)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Driver.PostAsync(body, signature.ToUpperInvariant().Replace("MAC=", "mac=") + "0")).StatusCode);

        Assert.Equal(before, BadInput.Records(store));
        Assert.Empty(harness.Zalo.Sent("bad-x"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"dossierCode\": 5}")]
    [InlineData("{\"dossierCode\": \"H42.10-261125-0009\", \"fees\": \"lots\"}")]
    [InlineData("{\"dossierCode\": \"H42.10-261125-0009\", \"fees\": [{\"kind\": \"fee\", \"name\": \"x\", \"amount\": 1e400}]}")]
    [InlineData("{\"dossierCode\": \"'; DROP TABLE dossiers; --\", \"fees\": []}")]
    [InlineData("{\"dossierCode\": \"<script>\", \"agencyCode\": {\"$ne\": 1}}")]
    [InlineData("{\"dossierCode\": \"H42.10-261125-0009\", \"procedureName\": \"\\ud800 half a pair\", \"agencyCode\": \"H42.10\", \"applicantName\": \"\\udfff\"}")]
    public async Task Malformed_payment_requests_get_a_problem_and_change_nothing(string body)
    {
        using var app = StartWithApi();
        var before = BadInput.Records(app.Service<IHostStore>());

        using var response = await app.Http.SendAsync(Api(HttpMethod.Post, "/api/v1/payment-requests", new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, BadInput.Records(app.Service<IHostStore>()));
    }

    [Theory]
    [InlineData("procedureName")]
    [InlineData("applicantName")]
    [InlineData("applicantPhone")]
    public async Task A_payment_request_that_is_not_valid_utf8_is_a_400_problem_and_changes_nothing(string field)
    {
        using var app = StartWithApi();
        var before = BadInput.Records(app.Service<IHostStore>());
        var text = $"{{\"dossierCode\":\"H42.10-261125-0009\",\"procedureName\":\"Cấp phiếu\",\"agencyCode\":\"H42.10\",\"applicantName\":\"An\"," +
            "\"applicantPhone\":\"0912345678\",\"fees\":[{\"kind\":\"fee\",\"name\":\"Phí\",\"amount\":1000}]}";
        var bytes = Encoding.UTF8.GetBytes(text.Replace($"\"{field}\":\"", $"\"{field}\":\"\u0001"));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF; // FF never appears in UTF-8
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await app.Http.SendAsync(Api(HttpMethod.Post, "/api/v1/payment-requests", content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, BadInput.Records(app.Service<IHostStore>()));
    }

    [Fact]
    public async Task A_zalo_event_that_is_not_valid_utf8_is_a_400()
    {
        await using var harness = await ZaloHarness.StartAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"app_id\":\"\u0001\",\"event_name\":\"user_send_text\"}");
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFE;

        using var response = await harness.App.Http.PostAsync(ChatPay.Bot.Channels.Zalo.ZaloWebhookEndpoints.Path, new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_array_of_fees_is_refused_before_it_is_read()
    {
        using var app = StartWithApi();
        var fees = string.Join(",", Enumerable.Repeat("{\"kind\":\"fee\",\"name\":\"x\",\"amount\":1000}", 20_000));
        var body = $"{{\"dossierCode\":\"H42.10-261125-0009\",\"procedureName\":\"x\",\"agencyCode\":\"H42.10\",\"applicant\":{{\"name\":\"A\"}},\"fees\":[{fees}]}}";

        using var response = await app.Http.SendAsync(Api(HttpMethod.Post, "/api/v1/payment-requests", new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("%3Cscript%3E")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("H42.10-261125-0001%00")]
    [InlineData("%27%20OR%201%3D1")]
    public async Task Odd_dossier_codes_in_api_paths_are_not_found(string code)
    {
        using var app = StartWithApi();

        using var response = await app.Http.SendAsync(Api(HttpMethod.Get, $"/api/v1/dossiers/{code}"));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("vnp_Amount=1")]
    [InlineData("vnp_SecureHash=")]
    [InlineData("vnp_TxnRef=%00&vnp_SecureHash=00")]
    [InlineData("vnp_TxnRef=<script>&vnp_Amount=-1&vnp_SecureHash=zz")]
    [InlineData("%ZZ=%ZZ")]
    public async Task Garbage_ipn_and_return_calls_are_refused_without_an_error(string query)
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var before = BadInput.Records(app.Service<IHostStore>());

        var ipn = await app.Http.GetFromJsonAsync<VnPayEndpoints.IpnAnswer>($"{VnPayEndpoints.IpnPath}?{query}");
        using var page = await app.Http.GetAsync($"{VnPayEndpoints.ReturnPath}?{query}");

        Assert.Equal("97", ipn!.RspCode);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(ReturnPages.NotAuthenticHeading, await page.Content.ReadAsStringAsync());
        Assert.Equal(before, BadInput.Records(app.Service<IHostStore>()));
    }

    [Fact]
    public async Task Oversized_bodies_and_request_lines_are_refused_at_every_endpoint()
    {
        using var app = StartWithApi();
        var big = new string('x', 256 * 1024);
        foreach (var path in new[] { "/webchat/api/chats", "/webchat/api/messages", "/api/v1/payment-requests", "/sandbox/vnpay/paymentv2/complete", "/sandbox/vnpay/merchant_webapi/api/transaction" })
        {
            using var request = Api(HttpMethod.Post, path, new StringContent(big, Encoding.UTF8, "application/json"));
            request.Headers.Add(WebChatIdentity.Header, "a-well-formed-token-0123456789");
            // As a careful client does: the server can refuse before the body is on its way.
            request.Headers.ExpectContinue = true;
            using var response = await app.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} at {path}");
        }
        using var longLine = await app.Http.GetAsync($"{VnPayEndpoints.IpnPath}?vnp_TxnRef={new string('9', 20_000)}");
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longLine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/health")).StatusCode);
    }

    private ChatPayApp StartWithApi() =>
        new(_directory.File("chatpay.db"), new Dictionary<string, string?> { ["Api:Keys:0:Name"] = "Cổng DVC", ["Api:Keys:0:Key"] = ApiKey });

    private static HttpRequestMessage Api(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(ApiKeyCheck.Header, ApiKey);
        return request;
    }

    private static string Show(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
