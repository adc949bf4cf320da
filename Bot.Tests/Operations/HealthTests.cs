using System.Net;
using System.Text.Json;
using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Health;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace ChatPay.Tests.Operations;

[Trait("Tier", "Integration")]
public class HealthTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Health_reports_the_database_the_outbox_each_channel_and_the_gateway_as_json()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));

        using var response = await app.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal(["database", "gateway", "gateway.momo", "gateway.zalopay", "instance", "outbox", "webchat"], checks.EnumerateObject().Select(c => c.Name).Order());
        // One LiteDB process leads the background work.
        Assert.Equal(LeadershipHealthCheck.Leads, checks.GetProperty("instance").GetProperty("description").GetString());
        // Backlogs are listed per registered channel: with no tokens, no pushing channel is on.
        Assert.Equal(["oldestWaitSeconds"], checks.GetProperty("outbox").GetProperty("data").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_failing_telegram_api_shows_as_degraded_and_healthy_again_once_it_answers()
    {
        await using var harness = await TelegramHarness.StartAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(harness.Telegram.LongPollWaiting), TimeSpan.FromSeconds(30));
        harness.Telegram.FailNext("getUpdates", 502, count: 1_000, description: "Bad Gateway");

        await Eventually.HoldsAsync(async () => await CheckStatusAsync(harness.App, "telegram") == "Degraded", TimeSpan.FromSeconds(30));
        Assert.Equal("Degraded", await OverallStatusAsync(harness.App));
        harness.Telegram.ClearFaults();
        await Eventually.HoldsAsync(async () => await CheckStatusAsync(harness.App, "telegram") == "Healthy", TimeSpan.FromSeconds(30));
        using var report = JsonDocument.Parse(await harness.App.Http.GetStringAsync("/health"));
        Assert.Equal(0, report.RootElement.GetProperty("checks").GetProperty("outbox").GetProperty("data").GetProperty("telegramBacklog").GetInt32());
    }

    [Fact]
    public async Task A_service_silent_after_repeated_failures_is_unhealthy_and_one_answer_heals_it()
    {
        var reachability = new Reachability(_clock);
        var check = new ReachabilityHealthCheck(reachability, _clock, "telegram");
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        reachability.Answered("telegram");
        for (var i = 0; i < ReachabilityHealthCheck.FailuresForUnhealthy; i++) reachability.Failed("telegram", "502 Bad Gateway");
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        _clock.Advance(ReachabilityHealthCheck.SilenceForUnhealthy);
        var unhealthy = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Contains("502 Bad Gateway", unhealthy.Description);

        reachability.Answered("telegram");
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task An_outbox_message_waiting_too_long_degrades_health_and_then_makes_it_unhealthy()
    {
        using var store = new LiteDbStore(_directory.File("outbox.db"), new ChatSignal());
        var check = new OutboxHealthCheck(new ChatOutbox(new LiteOutboxStore(store)), [new ListedChannel(TelegramChannel.Name)], _clock);
        store.Write(s => s.ChatLog.Send(new ChatAddress(TelegramChannel.Name, "42"), new OutgoingMessage("Đã thanh toán"), _clock.GetUtcNow()));

        var fresh = await check.CheckHealthAsync(new HealthCheckContext());
        _clock.Advance(OutboxHealthCheck.LateAfter);
        var late = await check.CheckHealthAsync(new HealthCheckContext());
        _clock.Advance(OutboxHealthCheck.StuckAfter);
        var stuck = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, fresh.Status);
        Assert.Equal(1, fresh.Data["telegramBacklog"]);
        Assert.Equal(HealthStatus.Degraded, late.Status);
        Assert.Equal(HealthStatus.Unhealthy, stuck.Status);
    }

    [Fact]
    public async Task An_edit_of_an_old_message_does_not_read_as_a_message_waiting_since_then()
    {
        using var store = new LiteDbStore(_directory.File("outbox.db"), new ChatSignal());
        var outbox = new ChatOutbox(new LiteOutboxStore(store));
        var check = new OutboxHealthCheck(outbox, [new ListedChannel(TelegramChannel.Name)], _clock);
        var chat = new ChatAddress(TelegramChannel.Name, "-1001");
        var alert = store.Write(s => s.ChatLog.Send(chat, new OutgoingMessage("Hồ sơ đã thanh toán", [new ChoiceButton("Tiếp nhận", "claim")], []), _clock.GetUtcNow()));
        outbox.Delivered([new ChatOutbox.Rendered(alert, outbox.Due(TelegramChannel.Name, _clock.GetUtcNow(), 10)[0].Seq)], "7");
        outbox.Flush();

        _clock.Advance(TimeSpan.FromHours(3));
        store.Write(s => { s.ChatLog.CloseChoices(chat, alert, "Tiếp nhận"); return true; });
        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(1, result.Data["telegramBacklog"]);
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private static async Task<string?> CheckStatusAsync(ChatPayApp app, string check)
    {
        using var report = JsonDocument.Parse(await app.Http.GetStringAsync("/health"));
        return report.RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString();
    }

    private static async Task<string?> OverallStatusAsync(ChatPayApp app)
    {
        using var report = JsonDocument.Parse(await app.Http.GetStringAsync("/health"));
        return report.RootElement.GetProperty("status").GetString();
    }
}
