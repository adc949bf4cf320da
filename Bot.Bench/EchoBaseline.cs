using ChatPay.Fakes.Telegram;
using Telegram.Bot;

namespace ChatPay.Bench;

/// <summary>
/// The transport's ceiling: a bot that only echoes, on the same Telegram client, the same fake server and the
/// same machine, polling and handling chats in parallel the way ChatPay does.
/// </summary>
public static class EchoBaseline
{
    public static async Task<double> UpdatesPerSecondAsync(FakeTelegramServer telegram, int chats, int updatesPerChat)
    {
        using var stop = new CancellationTokenSource();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(telegram.Options.Token, baseUrl: telegram.BaseUrl) { RetryCount = 0 });
        var echo = Task.Run(() => EchoAsync(bot, stop.Token));

        var started = DateTimeOffset.UtcNow;
        for (var round = 0; round < updatesPerChat; round++)
            for (var chat = 0; chat < chats; chat++)
                telegram.SendText(900_000 + chat, $"echo {round}");
        for (var chat = 0; chat < chats; chat++)
            await telegram.WaitForMessageAsync(900_000 + chat, _ => telegram.Messages(900_000 + chat).Count == updatesPerChat, TimeSpan.FromMinutes(5));
        var elapsed = DateTimeOffset.UtcNow - started;

        await stop.CancelAsync();
        await echo;
        return chats * updatesPerChat / elapsed.TotalSeconds;
    }

    private static async Task EchoAsync(TelegramBotClient bot, CancellationToken stop)
    {
        int? offset = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, limit: 100, timeout: 1, cancellationToken: stop);
                await Task.WhenAll(updates.GroupBy(u => u.Message!.Chat.Id).Select(async chat =>
                {
                    foreach (var update in chat) await bot.SendMessage(chat.Key, update.Message!.Text!, cancellationToken: stop);
                }));
                if (updates.Length > 0) offset = updates.Max(u => u.Id) + 1;
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
