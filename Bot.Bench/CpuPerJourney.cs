using ChatPay.Fakes.Telegram;

namespace ChatPay.Bench;

/// <summary>
/// The bot's CPU per journey, as a peer bot is measured: journeys with a fixed number of citizens at a time, after a
/// warm-up, the bot process's user+system CPU divided by the journeys. Run with Telegram's limits off and on: waiting
/// for a token must cost (almost) no CPU.
/// </summary>
public static class CpuPerJourney
{
    public sealed record Result(bool Limited, int Journeys, int AtOnce, double CpuMsPerJourney, double JourneysPerSecond, double PeakMemoryMb);

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
        var cpuBefore = bot.CpuTime();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await RunAsync(firstCode + warmUp, journeys);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = bot.CpuTime() - cpuBefore;
        return new Result(limited, journeys, atOnce, Math.Round(cpu.TotalMilliseconds / journeys, 1), Math.Round(journeys / seconds, 1), Math.Round(bot.PeakMemoryMb(), 1));
    }
}
