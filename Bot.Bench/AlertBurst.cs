using ChatPay.Fakes.Telegram;

namespace ChatPay.Bench;

/// <summary>
/// Many "paid" alerts at once to many officer chats with Telegram's limits enforced by the fake: how long
/// delivery takes against the least the limits allow, and whether Telegram ever had to say 429.
/// </summary>
public static class AlertBurst
{
    public sealed record Result(int Alerts, int Chats, int Messages, double Seconds, double LeastSeconds, int TooManyRequests);

    public static async Task<Result> RunAsync(FakeTelegramServer telegram, BotUnderTest bot, int alerts, int chats)
    {
        var officers = Enumerable.Range(0, chats).Select(i => 700_000L + i).ToList();
        foreach (var officer in officers) telegram.SendText(officer, $"/dangky {BotUnderTest.OfficerCode}");
        foreach (var officer in officers) await telegram.WaitForMessageAsync(officer, m => m.Text.Contains("Đã đăng ký"), TimeSpan.FromMinutes(2));

        var dossiers = alerts / chats;
        var codes = Enumerable.Range(0, dossiers).Select(i => Citizens.Code(90_000 + i)).ToList();
        var citizens = new Citizens(telegram, bot, officers[0]);
        await citizens.RequestAsync(codes);
        await citizens.WalkToLinksAsync(codes, firstChat: 600_000);

        var before = officers.ToDictionary(o => o, o => telegram.Messages(o).Count);
        var tooManyBefore = telegram.TooManyRequests;
        var started = DateTimeOffset.UtcNow;
        foreach (var code in codes) await citizens.PayAtGatewayAsync(code);
        foreach (var officer in officers)
            await telegram.WaitForMessageAsync(officer, _ => codes.All(code => telegram.Messages(officer).Any(m => m.Text.Contains(code))), TimeSpan.FromMinutes(10));
        var lastShown = officers.Max(o => telegram.Messages(o).Skip(before[o]).Max(m => m.SentAt));
        var messages = officers.Sum(o => telegram.Messages(o).Count - before[o]);

        // With the bot-wide bucket full at the start, the least time is what the messages beyond its burst need at its rate.
        var least = Math.Max(0, (messages - telegram.Options.GlobalBurst) / telegram.Options.GlobalPerSecond);
        return new Result(alerts, chats, messages, (lastShown - started).TotalSeconds, least, telegram.TooManyRequests - tooManyBefore);
    }
}
