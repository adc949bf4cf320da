using ChatPay.Bot.Health;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// Long-polls getUpdates. A batch is confirmed (by asking with a higher offset) only after every update in it
/// was handled and stored, in order.
/// </summary>
public sealed class TelegramPolling(
    TelegramBot telegram, TelegramInbound inbound, Reachability reachability, IOptions<TelegramOptions> options, TimeProvider clock, ILogger<TelegramPolling> logger)
    : BackgroundService
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await telegram.Client.GetUpdates(offset, limit: 100, timeout: options.Value.PollTimeoutSeconds, allowedUpdates: Wanted,
                    cancellationToken: stoppingToken);
                reachability.Answered(TelegramSetup.Service);
                await inbound.HandleBatchAsync(updates, stoppingToken);
                if (updates.Length > 0) offset = updates.Max(u => u.Id) + 1;
                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                if (e is RequestException) reachability.Failed(TelegramSetup.Service, $"getUpdates: {TelegramBot.Describe(e)}");
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5))));
                if (e is ApiRequestException { ErrorCode: 409 }) logger.LogError("getUpdates conflicts with a webhook or another poller: {Message}", e.Message);
                else logger.LogWarning(e, "getUpdates failed; polling again in {Pause}", pause);
                await Task.Delay(pause, clock, stoppingToken);
            }
        }
    }

}
