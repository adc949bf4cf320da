using System.Diagnostics;
using ChatPay.Fakes.Telegram;

namespace ChatPay.Bench;

/// <summary>
/// How long people wait after a crash: N citizens type their codes at once under Telegram's limits, the Bot is killed
/// (SIGKILL) while it is answering them, and started again on the same database. Measured from the moment the new
/// process is healthy until every citizen has the answer to what they typed; and how many answers arrived twice.
/// </summary>
public static class RecoveryAfterKill
{
    public sealed record Result(int Chats, int WaitingAtKill, double RestartSeconds, double SecondsToAllAnswered, int AnsweredTwice, int TooManyRequests, double MedianSecondsToAnswer);

    public static async Task<Result> RunAsync(FakeTelegramServer telegram, string databasePath, Func<string, Task<BotUnderTest>> start, int chats, int firstCode)
    {
        var bot = await start(databasePath);
        var citizens = new Citizens(telegram, bot, officerChat: 0);
        await citizens.RequestAsync(Enumerable.Range(firstCode, chats).Select(Citizens.Code));
        var chatIds = Enumerable.Range(0, chats).Select(i => 3_000_000L + i).ToList();
        for (var i = 0; i < chats; i++) telegram.SendText(chatIds[i], Citizens.Code(firstCode + i));

        // Killed while it answers: a third have their fees, the rest are queued or on their way.
        int Answered() => chatIds.Count(c => telegram.Messages(c).Any(IsFees));
        while (Answered() < chats / 3) await Task.Delay(5);
        await bot.KillAsync();
        var waitingAtKill = chats - Answered();
        await bot.DisposeAsync();

        var restart = Stopwatch.StartNew();
        await using var again = await start(databasePath);
        var restarted = restart.Elapsed;
        var sinceHealthy = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(3);
        var waiting = chatIds.Where(c => !telegram.Messages(c).Any(IsFees)).ToHashSet();
        var answeredAfter = new List<double>();
        while (waiting.Count > 0 && sinceHealthy.Elapsed < deadline)
        {
            foreach (var chat in waiting.Where(c => telegram.Messages(c).Any(IsFees)).ToList())
            {
                waiting.Remove(chat);
                answeredAfter.Add(sinceHealthy.Elapsed.TotalSeconds);
            }
            await Task.Delay(5);
        }
        var allAnswered = sinceHealthy.Elapsed;
        await again.WaitUntilSentAsync();
        return new Result(chats, waitingAtKill, Math.Round(restarted.TotalSeconds, 2), Math.Round(allAnswered.TotalSeconds, 2),
            chatIds.Count(c => telegram.Messages(c).Count(IsFees) > 1), telegram.TooManyRequests,
            Math.Round(answeredAfter.Order().ElementAtOrDefault(answeredAfter.Count / 2), 2));
    }

    private static bool IsFees(FakeMessage message) => message.Text.Contains("Tổng cộng");
}
