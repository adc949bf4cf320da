using System.Text.RegularExpressions;
using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Fakes.Telegram;
using ChatPay.Tests.Support;
using LiteDB;

namespace ChatPay.Tests.EndToEnd;

/// <summary>
/// The Bot as a real process against the fake Telegram server and its own VNPay sandbox: 200 citizens pay at once
/// while the process is killed (SIGKILL) mid-update, mid-IPN and mid-alert and started again on the same file.
/// </summary>
[Collection(nameof(CrashRestartTests))]
[Trait("Tier", "System")]
public class CrashRestartTests
{
    private const int Citizens = 200;
    private static readonly long[] OfficerGroups = [-2001, -2002];
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly Random _random = new(Environment.TickCount);
    private int _paid;

    private static string Code(int citizen) => KillableBot.Code(citizen);

    private static long ChatOf(int citizen) => 50_000 + citizen;

    [Fact]
    public async Task Killed_three_times_during_200_journeys_the_bot_loses_nothing_and_doubles_nothing()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            PerChatPerSecond = 20, PerChatBurst = 20, PerGroupPerMinute = 6_000, GlobalPerSecond = 1_000, GlobalBurst = 200,
        });
        using var bot = new KillableBot(telegram);
        try
        {
            await KilledThreeTimesAsync(telegram, bot);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Exception($"{e.Message}\nThe Bot's last output:\n{bot.LastOutput}", e);
        }
    }

    private async Task KilledThreeTimesAsync(FakeTelegramServer telegram, KillableBot bot)
    {
        bot.Seed(Citizens);
        await bot.StartAsync();
        foreach (var group in OfficerGroups) await bot.EnrolAsync(group, Patience);

        var journeys = Enumerable.Range(0, Citizens).Select(i => JourneyAsync(telegram, bot.Http, i)).ToList();

        // Mid-update: citizens are typing codes and pressing buttons.
        await Eventually.HoldsAsync(() => telegram.Messages(ChatOf(Citizens - 1)).Count + telegram.Messages(ChatOf(Citizens / 2)).Count > 0, Patience);
        await KillAndRestartAsync(bot);
        // Mid-IPN: the sandbox has just taken money, and its IPN is on its way.
        await Eventually.HoldsAsync(() => Volatile.Read(ref _paid) >= Citizens / 4, Patience);
        await KillAndRestartAsync(bot);
        // Mid-alert: officers' alerts are going out.
        var alertsBefore = AlertsIn(telegram, OfficerGroups[0]);
        await Eventually.HoldsAsync(() => AlertsIn(telegram, OfficerGroups[0]) > alertsBefore, Patience);
        await KillAndRestartAsync(bot);

        await Task.WhenAll(journeys).WaitAsync(Patience);
        foreach (var group in OfficerGroups)
            await Eventually.HoldsAsync(() => Enumerable.Range(0, Citizens).All(i => telegram.Messages(group).Any(m => m.Text.Contains(Code(i)))), Patience);
        bot.Process!.Kill();

        using var store = new LiteDbStore(bot.DatabasePath, new ChatSignal());
        var taken = store.Collection<SandboxTransaction>("sandbox_transactions").FindAll().Where(t => t.ResponseCode == "00" && t.TransactionStatus == "00").ToList();
        Assert.Equal(Citizens, taken.Count);
        foreach (var transaction in taken)
        {
            var payment = store.Read(s => s.Payments.Find(transaction.Id))!;
            Assert.Equal(PaymentState.Succeeded, payment.State);
            var dossier = store.Read(s => s.Dossiers.Find(payment.DossierCode))!;
            Assert.Equal(DossierStatus.Paid, dossier.Status);
            Assert.Equal(payment.Id, store.Read(s => s.Receipts.Find(dossier.ReceiptId!))!.PaymentId);
        }
        for (var i = 0; i < Citizens; i++)
            Assert.Single(telegram.Messages(ChatOf(i)), m => m.Text.Contains(Said.Paid));
        foreach (var group in OfficerGroups)
        {
            var text = string.Join("\n", telegram.Messages(group).Select(m => m.Text));
            var notOnce = Enumerable.Range(0, Citizens).Where(i => Regex.Matches(text, Regex.Escape($"Hồ sơ {Code(i)} đã thanh toán")).Count != 1).ToList();
            // An alert twice is the rarest failure here (seen once in ~13 full runs): say which messages carried it, and what the Bot logged.
            Assert.True(notOnce.Count == 0, $"Alerts not exactly once in group {group}: {string.Join(", ", notOnce.Select(Code))}\n" +
                string.Join("\n", telegram.Messages(group).Where(m => notOnce.Any(i => m.Text.Contains(Code(i)))).Select(m => $"#{m.MessageId}: {m.Text.Replace('\n', ' ')}")) +
                $"\nThe Bot's last output:\n{bot.LastOutput}");
        }
        foreach (var name in new[] { LiteDossiers.Collection, LitePayments.Collection, LiteReceipts.Collection, LiteChatLog.Collection, LiteConversations.Collection })
            Assert.True(store.Collection<BsonDocument>(name).Count() > 0);
    }

    private async Task KillAndRestartAsync(KillableBot bot)
    {
        await Task.Delay(_random.Next(0, 150));
        await bot.KillAndRestartAsync();
    }

    private static int AlertsIn(FakeTelegramServer telegram, long group) =>
        telegram.Messages(group).Sum(m => Regex.Matches(m.Text, "đã thanh toán — sẵn sàng xử lý").Count);

    private Task JourneyAsync(FakeTelegramServer telegram, HttpClient http, int citizen) =>
        TelegramCitizen.PayAsync(telegram, http, ChatOf(citizen), Code(citizen), Patience, () => Interlocked.Increment(ref _paid));
}

/// <summary>The crash tests run alone: they load both cores, and other tests' waits are not meant to compete with them.</summary>
[CollectionDefinition(nameof(CrashRestartTests), DisableParallelization = true)]
public sealed class CrashRestartCollection;
