using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Api;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Security;

/// <summary>What the web chat and ChatPay's pages do for anyone on the internet: limits per address, headers, /health.</summary>
[Trait("Tier", "Integration")]
public class WebHardeningTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp Start(params (string Key, string Value)[] settings) =>
        new(_directory.File("chatpay.db"), settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static HttpRequestMessage OpenChat(string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/chats");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    [Fact]
    public async Task New_web_chats_from_one_address_are_refused_past_its_limit_with_retry_after()
    {
        using var app = Start(("Limits:OpenChats:PerAddress", "2"));

        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(OpenChat())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(OpenChat())).StatusCode);
        using var refused = await app.Http.SendAsync(OpenChat());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.False(string.IsNullOrEmpty((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_address_has_its_own_limit()
    {
        using var app = Start(("Limits:OpenChats:PerAddress", "1"), ("App:KnownProxies:0", "127.0.0.1"));

        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(OpenChat("198.51.100.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(OpenChat("198.51.100.2"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Http.SendAsync(OpenChat("198.51.100.1"))).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_unless_they_come_from_a_known_proxy()
    {
        using var app = Start(("Limits:OpenChats:PerAddress", "1"));

        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(OpenChat("198.51.100.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Http.SendAsync(OpenChat("198.51.100.2"))).StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_gateway_is_given_the_citizens_address()
    {
        using var app = Start(("App:KnownProxies:0", "127.0.0.0/8"));
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var link = await citizen.RequestPaymentLinkAsync("H42.10-261125-0001");
        using var click = new HttpRequestMessage(HttpMethod.Get, link);
        click.Headers.Add("X-Forwarded-For", "198.51.100.7");

        using var redirect = await app.Http.SendAsync(click);

        Assert.Contains("vnp_IpAddr=198.51.100.7", redirect.Headers.Location!.Query);
    }

    [Fact]
    public async Task Open_long_polls_are_capped_per_address_and_a_finished_one_frees_its_place()
    {
        using var app = Start(("Limits:LongPolls:PerAddress", "1"));
        var citizen = await WebChatUser.OpenAsync(app.Http);
        HttpRequestMessage Poll(int wait)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/webchat/api/messages?after=1000000&wait={wait}");
            request.Headers.Add(WebChatIdentity.Header, citizen.Token);
            return request;
        }

        var waiting = app.Http.SendAsync(Poll(2));
        await Eventually.HoldsAsync(() => app.Service<ChatSignal>().WaitedOn == 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Http.SendAsync(Poll(0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(Poll(0))).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/bien-lai/not-a-receipt")]
    [InlineData("/payments/vnpay/return?vnp_TxnRef=x")]
    public async Task Html_pages_forbid_framing_inline_script_sniffing_and_referrers(string path)
    {
        using var app = Start();

        using var response = await app.Http.GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/bien-lai/not-a-receipt", true)]
    [InlineData("/payments/vnpay/return?vnp_TxnRef=x", true)]
    [InlineData("/pay/not-a-link", true)]
    [InlineData("/", false)]
    public async Task Receipt_return_and_pay_pages_are_never_cached(string path, bool noStore)
    {
        using var app = Start();

        using var response = await app.Http.GetAsync(path);

        Assert.Equal(noStore, response.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task Hsts_is_sent_when_the_public_address_is_https()
    {
        using var app = Start(("App:PublicBaseUrl", "https://chatpay.example.gov.vn"));

        using var response = await app.Http.GetAsync("/");

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task The_receipts_print_script_is_the_one_inline_script_the_policy_allows_by_its_hash()
    {
        using var app = Start();
        var citizen = await WebChatUser.OpenAsync(app.Http);
        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync("H42.10-261125-0001"));
        var receiptUrl = (await citizen.WaitForTextAsync(Said.Paid)).Links.Single().Url;

        using var page = await app.Http.GetAsync(receiptUrl);

        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"'sha256-{hash}'", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Health_details_are_for_this_machine_or_an_api_key_and_a_remote_caller_gets_the_status_only()
    {
        using var app = Start(("App:KnownProxies:0", "127.0.0.1"), ("Api:Keys:0:Name", "monitor"), ("Api:Keys:0:Key", "monitor-key-0123456789abcdef"));
        async Task<JsonElement> Health(string? forwardedFor, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
            if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
            if (key is not null) request.Headers.Add(ApiKeyCheck.Header, key);
            return await (await app.Http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        }

        Assert.True((await Health(null, null)).TryGetProperty("checks", out _));
        var remote = await Health("203.0.113.9", null);
        Assert.Equal("Healthy", remote.GetProperty("status").GetString());
        Assert.False(remote.TryGetProperty("checks", out _));
        Assert.True((await Health("203.0.113.9", "monitor-key-0123456789abcdef")).TryGetProperty("checks", out _));
        Assert.False((await Health("203.0.113.9", "wrong-key-0123456789abcdefgh")).TryGetProperty("checks", out _));
    }
}
