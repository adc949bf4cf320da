using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatPay.Fakes.Telegram;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>
/// People who get no answer type again. With Telegram's own limits, 30 citizens mid-journey see the Bot killed three times
/// in a few seconds; whoever hears nothing for 3 s types the code again or presses the button again. Nobody may be left
/// silent: each gets exactly one receipt within 30 s of the last restart, and each officers' group exactly one alert per
/// dossier. Seeds vary who is where at each kill; CHATPAY_CRASH_SEEDS="1,2,3,4,5" runs more.
/// </summary>
[Collection(nameof(CrashRestartTests))]
[Trait("Tier", "System")]
public class ImpatientCrashTests
{
    private const int Citizens = 30;
    private static readonly long[] OfficerGroups = [-3001, -3002];
    private static readonly TimeSpan Impatience = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan AfterLastRestart = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Setup = TimeSpan.FromSeconds(60);

    public static TheoryData<int> Seeds => [.. (Environment.GetEnvironmentVariable("CHATPAY_CRASH_SEEDS") ?? "1,2")
        .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    private static long ChatOf(int citizen) => 60_000 + citizen;

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Killed_three_times_in_a_few_seconds_thirty_impatient_people_each_get_one_receipt_within_30_s(int seed)
    {
        var random = new Random(seed);
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var bot = new KillableBot(telegram);
        bot.Seed(Citizens);
        await bot.StartAsync();
        foreach (var group in OfficerGroups) await bot.EnrolAsync(group, Setup);
        using var giveUp = new CancellationTokenSource(Setup + AfterLastRestart + TimeSpan.FromSeconds(30));
        var starts = Enumerable.Range(0, Citizens).Select(_ => TimeSpan.FromMilliseconds(random.Next(0, 2_000))).ToList();
        var people = Enumerable.Range(0, Citizens).Select(i => PersonAsync(telegram, bot.Http, i, starts[i], giveUp.Token)).ToList();

        try
        {
            // The kills come while people are at every step: some have their fees, some not yet.
            var atFees = random.Next(3, Citizens / 2);
            await Eventually.HoldsAsync(() => Enumerable.Range(0, Citizens).Count(i => telegram.Messages(ChatOf(i)).Any(m => m.Text.Contains(Said.Fees))) >= atFees, Setup);
            var kills = Stopwatch.StartNew();
            for (var kill = 0; kill < 3; kill++)
            {
                await Task.Delay(random.Next(0, 500));
                await bot.KillAndRestartAsync();
            }
            var sinceLastRestart = Stopwatch.StartNew();

            await Task.WhenAll(people).WaitAsync(AfterLastRestart);
            foreach (var group in OfficerGroups)
                await Eventually.HoldsAsync(() => Enumerable.Range(0, Citizens).All(i => AlertsIn(telegram, group, KillableBot.Code(i)) > 0),
                    AfterLastRestart - sinceLastRestart.Elapsed);
            Assert.True(kills.Elapsed - sinceLastRestart.Elapsed < TimeSpan.FromSeconds(10), $"The three kills took {kills.Elapsed - sinceLastRestart.Elapsed}.");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            var silent = Enumerable.Range(0, Citizens).Where(i => !telegram.Messages(ChatOf(i)).Any(m => m.Text.Contains(Said.Paid)));
            throw new Exception($"Seed {seed}: {e.Message}\nWithout a receipt: {string.Join(", ", silent)}\nThe Bot's last output:\n{bot.LastOutput}", e);
        }

        for (var i = 0; i < Citizens; i++) Assert.Single(telegram.Messages(ChatOf(i)), m => m.Text.Contains(Said.Paid));
        foreach (var group in OfficerGroups)
            for (var i = 0; i < Citizens; i++) Assert.Equal(1, AlertsIn(telegram, group, KillableBot.Code(i)));
    }

    private static int AlertsIn(FakeTelegramServer telegram, long group, string code) =>
        telegram.Messages(group).Sum(m => Regex.Matches(m.Text, Regex.Escape($"Hồ sơ {code} đã thanh toán")).Count);

    /// <summary>A person paying: each step is done again whenever 3 s pass without the answer it should bring.</summary>
    private static async Task PersonAsync(FakeTelegramServer telegram, HttpClient http, int citizen, TimeSpan start, CancellationToken giveUp)
    {
        var chat = ChatOf(citizen);
        await Task.Delay(start, giveUp);
        var fees = await UntilAnsweredAsync(telegram, chat, () => Task.FromResult(telegram.SendText(chat, KillableBot.Code(citizen))),
            m => m.Text.Contains(Said.Fees) && HasButton(m, "Xác nhận"), giveUp);
        var banks = await UntilAnsweredAsync(telegram, chat, () => PressNewestAsync(telegram, chat, "Xác nhận"),
            m => m.Text.Contains(Said.ChooseBank) && HasButton(m, "Vietcombank"), giveUp, after: fees.MessageId);
        var link = await UntilAnsweredAsync(telegram, chat, () => PressNewestAsync(telegram, chat, "Vietcombank"),
            m => m.Text.Contains(Said.PaymentLink), giveUp, after: banks.MessageId);
        await UntilAnsweredAsync(telegram, chat, () => PayAsync(http, TelegramHarness.PaymentLink(link)), m => m.Text.Contains(Said.Paid), giveUp);
    }

    private static async Task<FakeMessage> UntilAnsweredAsync(
        FakeTelegramServer telegram, long chat, Func<Task> act, Func<FakeMessage, bool> answer, CancellationToken giveUp, int after = 0)
    {
        while (true)
        {
            giveUp.ThrowIfCancellationRequested();
            await act();
            try
            {
                return await telegram.WaitForMessageAsync(chat, m => m.MessageId > after && answer(m), Impatience);
            }
            catch (TimeoutException)
            {
                // No answer in 3 s: the person does it again.
            }
        }
    }

    private static bool HasButton(FakeMessage message, string label) => message.Keyboard.SelectMany(r => r).Any(b => b.Text == label && b.CallbackData is not null);

    /// <summary>Presses the button on the newest message that still shows it (none left: the press went through, and the person waits).</summary>
    private static Task PressNewestAsync(FakeTelegramServer telegram, long chat, string label)
    {
        if (telegram.Messages(chat).LastOrDefault(m => HasButton(m, label)) is { } message)
            telegram.Press(chat, message.MessageId, TelegramHarness.Button(message, label).CallbackData!);
        return Task.CompletedTask;
    }

    /// <summary>The bank's page: down while the Bot restarts, and "already paid" once it went through; either way the person waits for the receipt.</summary>
    private static async Task PayAsync(HttpClient http, string link)
    {
        try
        {
            await SandboxPayer.PayAsync(http, link);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
        }
    }
}
