using ChatPay.Fakes.Telegram;

namespace ChatPay.Bench;

/// <summary>
/// The bot's CPU per journey, as a peer bot is measured: journeys with a fixed number of citizens at a time, after a
/// warm-up, the bot process's user+system CPU divided by the journeys. Run with Telegram's limits off and on: waiting
/// for a token must cost (almost) no CPU.
/// </summary>
public static class CpuPerJourney
{
    /// <param name="IdleCpuMsPerJourney">What the Bot spends doing nothing (polls, timers) over the run's duration, per journey:
    /// a run paced by Telegram's limits lasts minutes, so this part grows with the wait, not with the work.</param>
    public sealed record Result(bool Limited, int Journeys, int AtOnce, double CpuMsPerJourney, double JourneysPerSecond, double PeakMemoryMb,
        double IdleCpuMsPerSecond, double IdleCpuMsPerJourney);

    public static async Task<Result> RunAsync(FakeTelegramServer telegram, BotUnderTest bot, bool limited, int journeys, int atOnce, int warmUp, int firstCode)
    {
        const long officers = -100_600;
        telegram.SendText(officers, $"/dangky {BotUnderTest.OfficerCode}", 1, "Cán bộ", "supergroup");
        await telegram.WaitForMessageAsync(officers, m => m.Text.Contains("Đã đăng ký"));
        var citizens = new Citizens(telegram, bot, officers);
        await citizens.RequestAsync(Enumerable.Range(firstCode, warmUp + journeys).Select(Citizens.Code));

        async Task RunAsync(int from, int count)
        {
            using var gate = new SemaphoreSlim(atOnce);
            await Task.WhenAll(Enumerable.Range(from, count).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    await citizens.PayAsync(2_000_000 + i, Citizens.Code(i), () => Task.CompletedTask);
                }
                finally
                {
                    gate.Release();
                }
            }));
            await bot.WaitUntilSentAsync();
        }

        await RunAsync(firstCode, warmUp);
        // The Bot at rest after the warm-up: its upkeep per second, to tell waiting from working in a paced run.
        var idleBefore = bot.CpuTime();
        var idle = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idleMsPerSecond = (bot.CpuTime() - idleBefore).TotalMilliseconds / idle.Elapsed.TotalSeconds;
        var cpuBefore = bot.CpuTime();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await RunAsync(firstCode + warmUp, journeys);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = bot.CpuTime() - cpuBefore;
        return new Result(limited, journeys, atOnce, Math.Round(cpu.TotalMilliseconds / journeys, 1), Math.Round(journeys / seconds, 1), Math.Round(bot.PeakMemoryMb(), 1),
            Math.Round(idleMsPerSecond, 2), Math.Round(idleMsPerSecond * seconds / journeys, 1));
    }
}
