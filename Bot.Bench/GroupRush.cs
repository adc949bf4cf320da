using ChatPay.Fakes.Telegram;

namespace ChatPay.Bench;

/// <summary>
/// A morning rush to one agency group: payments arrive 20 a second while Telegram allows the group 20 messages a
/// minute. The alerts pending for a group go out combined, so how far behind the group falls, and whether Telegram
/// ever had to say 429, is what this measures (it was a 21-second test before; timing belongs here).
/// </summary>
public static class GroupRush
{
    public sealed record Result(int Payments, int Messages, double LongestDelaySeconds, double MedianDelaySeconds, int TooManyRequests);

    public static async Task<Result> RunAsync(FakeTelegramServer telegram, BotUnderTest bot, int payments)
    {
        const long group = -100_777;
        telegram.SendText(group, $"/dangky {BotUnderTest.OfficerCode}", 7, "Lê Đình Nhu", "supergroup");
        await telegram.WaitForMessageAsync(group, m => m.Text.Contains("Đã đăng ký"), TimeSpan.FromMinutes(2));
        var codes = Enumerable.Range(0, payments).Select(i => Citizens.Code(95_000 + i)).ToList();
        var citizens = new Citizens(telegram, bot, group);
        await citizens.RequestAsync(codes);
        await citizens.WalkToLinksAsync(codes, firstChat: 650_000);

        var before = telegram.Messages(group).Count;
        var tooManyBefore = telegram.TooManyRequests;
        var paidAt = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < codes.Count; i++)
        {
            await citizens.PayAtGatewayAsync(codes[i]);
            paidAt[codes[i]] = DateTimeOffset.UtcNow;
            if ((i + 1) % 20 == 0) await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var shownAt = new Dictionary<string, DateTimeOffset>();
        await telegram.WaitForMessageAsync(group, _ =>
        {
            foreach (var message in telegram.Messages(group).Skip(before))
                foreach (var code in codes.Where(c => !shownAt.ContainsKey(c) && message.Text.Contains(c)))
                    shownAt[code] = message.SentAt;
            return shownAt.Count == codes.Count;
        }, TimeSpan.FromMinutes(10));
        var delays = codes.Select(c => (shownAt[c] - paidAt[c]).TotalSeconds).Order().ToList();
        return new Result(payments, telegram.Messages(group).Count - before, delays[^1], delays[delays.Count / 2], telegram.TooManyRequests - tooManyBefore);
    }
}
