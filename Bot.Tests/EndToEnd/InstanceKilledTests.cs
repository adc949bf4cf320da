using System.Text.RegularExpressions;
using ChatPay.Bot.Storage.PostgreSql;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Fakes.Telegram;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>
/// Three Bot processes on one PostgreSQL database behind one address, Telegram in webhook mode: 100 citizens pay while the
/// leading instance is killed (SIGKILL). Issue 19's test: every payment one receipt and one alert, nothing handled twice,
/// the lead (sending, the sandbox's IPN retries, deadlines) taken over by a survivor.
/// </summary>
[Collection(nameof(CrashRestartTests))]
[Trait("Tier", "System")]
public sealed class InstanceKilledTests
{
    private const int Citizens = 100;
    private const long OfficerGroup = -3001;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private int _paid;

    private static long ChatOf(int citizen) => 70_000 + citizen;

    [SkippableFact]
    public async Task The_leading_instance_killed_mid_flow_loses_nothing_and_doubles_nothing_and_another_leads()
    {
        using var database = new TestPostgres();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            PerChatPerSecond = 20, PerChatBurst = 20, PerGroupPerMinute = 6_000, GlobalPerSecond = 1_000, GlobalBurst = 200,
        });
        await using var instances = await BotInstances.StartAsync(telegram, database, 3, Citizens);
        try
        {
            await PayWhileTheLeaderDiesAsync(telegram, instances, database);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Exception($"{e.Message}\nThe instances' last output:\n{instances.LastOutput}", e);
        }
    }

    private async Task PayWhileTheLeaderDiesAsync(FakeTelegramServer telegram, BotInstances instances, TestPostgres database)
    {
        var leader = instances.Processes[0];
        Assert.True(await BotInstances.LeadsAsync(leader));
        telegram.SendText(OfficerGroup, $"/dangky@{telegram.Options.BotUsername} {KillableBot.OfficerCode}", 7, "Cán bộ", "supergroup");
        await telegram.WaitForMessageAsync(OfficerGroup, m => m.Text.Contains(Said.Enrolled), Patience);

        var journeys = Enumerable.Range(0, Citizens)
            .Select(i => TelegramCitizen.PayAsync(telegram, instances.Http, ChatOf(i), KillableBot.Code(i), Patience, () => Interlocked.Increment(ref _paid))).ToList();
        await Eventually.HoldsAsync(() => Volatile.Read(ref _paid) >= Citizens / 4, Patience);
        leader.Kill();

        await Eventually.HoldsAsync(async () => await BotInstances.LeadsAsync(instances.Processes[1]) || await BotInstances.LeadsAsync(instances.Processes[2]),
            TimeSpan.FromSeconds(15));
        await Task.WhenAll(journeys).WaitAsync(Patience);
        await Eventually.HoldsAsync(() => Enumerable.Range(0, Citizens).All(i => telegram.Messages(OfficerGroup).Any(m => m.Text.Contains(KillableBot.Code(i)))), Patience);

        using var store = new PgStore(database.ConnectionString);
        for (var i = 0; i < Citizens; i++)
        {
            var dossier = store.Read(s => s.Dossiers.Find(KillableBot.Code(i)))!;
            Assert.Equal(DossierStatus.Paid, dossier.Status);
            var succeeded = store.Read(s => s.Payments.OfDossier(dossier.Code)).Where(p => p.State == PaymentState.Succeeded).ToList();
            Assert.Equal(store.Read(s => s.Receipts.Find(dossier.ReceiptId!))!.PaymentId, Assert.Single(succeeded).Id);
            Assert.Single(telegram.Messages(ChatOf(i)), m => m.Text.Contains(Said.Paid));
            Assert.Single(telegram.Messages(ChatOf(i)), m => m.Text.Contains(Said.Fees));
        }
        var alerts = string.Join("\n", telegram.Messages(OfficerGroup).Select(m => m.Text));
        var notOnce = Enumerable.Range(0, Citizens).Select(KillableBot.Code).Where(code => Regex.Matches(alerts, Regex.Escape($"Hồ sơ {code} đã thanh toán")).Count != 1).ToList();
        Assert.True(notOnce.Count == 0, $"Alerts not exactly once: {string.Join(", ", notOnce)}");
    }
}
