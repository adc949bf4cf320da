using System.Net.Http.Json;
using ChatPay.Bot.Api;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Logging.Testing;

namespace ChatPay.Tests.Operations;

/// <summary>Everything the Bot logs during whole journeys, at every level, searched for each secret it holds.</summary>
[Trait("Tier", "Integration")]
public class SecretsInLogsTests
{
    private const string Code = "H42.10-261125-0001";
    private const long Citizen = 42;
    private const long OfficersGroup = -1001;
    private const string ApiKey = "portal-key-secret-0123456789abcdef";
    private const string PortalSecret = "portal-webhook-secret-0123456789";

    private static readonly (string Key, string Value)[] LogEverything =
    [
        ("Logging:LogLevel:Default", "Trace"),
        ("Logging:LogLevel:Microsoft", "Trace"),
        ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"),
        ("Logging:LogLevel:System.Net.Http.HttpClient", "Trace"),
    ];

    [Fact]
    public async Task A_telegram_journey_with_the_api_the_portal_and_an_officer_logs_no_secret()
    {
        await using var portal = await FakePortal.StartAsync();
        await using var harness = await TelegramHarness.StartAsync(null,
        [
            .. LogEverything,
            ("Api:Keys:0:Name", "Cổng DVC"), ("Api:Keys:0:Key", ApiKey),
            ("Portal:WebhookUrl", portal.Url), ("Portal:WebhookSecret", PortalSecret), ("Portal:Interval", "00:00:00.050"),
        ]);
        var telegram = harness.Telegram;
        var enrollmentCode = harness.App.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.10").EnrollmentCode;

        telegram.SendText(OfficersGroup, $"/dangky@{telegram.Options.BotUsername} {enrollmentCode}", 7, "Lê Đình Nhu", "supergroup");
        await harness.WaitAsync(OfficersGroup, Said.Enrolled);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dossiers/{Code}");
        request.Headers.Add(ApiKeyCheck.Header, ApiKey);
        (await harness.App.Http.SendAsync(request)).EnsureSuccessStatusCode();
        telegram.SendText(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);
        harness.Press(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);
        harness.Press(Citizen, "Vietcombank");
        var link = await harness.WaitAsync(Citizen, Said.PaymentLink);
        await SandboxPayer.PayAsync(harness.App.Http, TelegramHarness.PaymentLink(link));
        await harness.WaitAsync(Citizen, Said.Paid);
        await harness.WaitAsync(OfficersGroup, Said.Alert(Code));
        await Eventually.HoldsAsync(() => Task.FromResult(portal.Deliveries.Any(d => d.Body.Contains(Code))));

        var secrets = new Dictionary<string, string>
        {
            ["bot token"] = telegram.Options.Token,
            ["hash secret"] = harness.App.Service<VnPayMerchant>().HashSecret,
            ["API key"] = ApiKey,
            ["portal webhook secret"] = PortalSecret,
            ["enrolment code"] = enrollmentCode,
        };
        AssertNoneLogged(harness.App.Logs, secrets);
    }

    [Fact]
    public async Task A_zalo_journey_with_a_token_refresh_logs_no_secret()
    {
        await using var harness = await ZaloHarness.StartAsync(LogEverything);
        var zalo = harness.Zalo;
        zalo.ExpireAccessToken();

        await harness.Driver.SendTextAsync("user-1", Code);
        await harness.WaitAsync("user-1", Said.Fees);
        await harness.TapAsync("user-1", "Xác nhận");
        await harness.WaitAsync("user-1", Said.ChooseBank);

        var secrets = new Dictionary<string, string>
        {
            ["app secret"] = zalo.Options.AppSecret,
            ["OA secret key"] = zalo.Options.OaSecretKey,
            ["first access token"] = zalo.Options.InitialAccessToken,
            ["first refresh token"] = zalo.Options.InitialRefreshToken,
            ["refreshed access token"] = zalo.CurrentAccessToken,
        };
        AssertNoneLogged(harness.App.Logs, secrets);
    }

    private static void AssertNoneLogged(FakeLogCollector logs, Dictionary<string, string> secrets)
    {
        var records = logs.GetSnapshot();
        Assert.True(records.Count > 20, $"only {records.Count} records were captured: is logging at Trace?");
        var text = string.Join('\n', records.Select(r => string.Join(" | ",
            r.Category, r.Message, r.Exception?.ToString(),
            string.Join(";", r.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []),
            string.Join(";", r.Scopes.Select(ScopeText)))));
        foreach (var (name, secret) in secrets)
        {
            Assert.False(string.IsNullOrEmpty(secret), $"the {name} is empty");
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the {name} was logged");
        }
    }

    private static string ScopeText(object? scope) => scope switch
    {
        IEnumerable<KeyValuePair<string, object>> pairs => string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}")),
        _ => scope?.ToString() ?? "",
    };
}
