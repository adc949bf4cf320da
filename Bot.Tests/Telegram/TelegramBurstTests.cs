using ChatPay.Domain;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Telegram;

/// <summary>
/// Load-shaped on purpose: "nothing lost, and Telegram never has to say 429" is a correctness property of the sending
/// limits that only shows under a burst. How fast bursts and rushes go is measured in Bot.Bench, not here.
/// </summary>
[Trait("Tier", "System")]
public class TelegramBurstTests
{
    private static string OfficerCode(TelegramHarness harness) =>
        harness.App.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.10").EnrollmentCode;

    [Fact]
    public async Task A_burst_of_200_alerts_to_50_chats_is_delivered_completely_without_a_429()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var officers = Enumerable.Range(1001, 50).Select(id => (long)id).ToList();
        foreach (var officer in officers) harness.Telegram.SendText(officer, $"/dangky {OfficerCode(harness)}");
        foreach (var officer in officers) await harness.WaitAsync(officer, Said.Enrolled);
        var codes = Enumerable.Range(1, 4).Select(i => $"H42.10-261126-{i:0000}").ToList();

        foreach (var code in codes) AppPayments.RequestAndPay(harness.App, code);

        foreach (var officer in officers)
            await harness.Telegram.WaitForMessageAsync(officer,
                _ => codes.All(code => harness.Telegram.Messages(officer).Any(m => m.Text.Contains(code))), TimeSpan.FromSeconds(60));
        Assert.True(harness.Telegram.TooManyRequests == 0, string.Join("\n", harness.Telegram.Calls.Where(c => c.StatusCode == 429).Select(c => $"{c.Method} {c.ChatId} {c.At:HH:mm:ss.fff} {c.Description}")));
    }
}
