using ChatPay.Domain.Chats;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// At start-up: learns the bot's username, registers its commands in Vietnamese, and sets or removes the
/// webhook so the configured mode works without touching code. Failures are logged; the rest of ChatPay runs on.
/// </summary>
public sealed class TelegramStartup(TelegramBot telegram, TelegramWebhookSecret secret, IOptions<TelegramOptions> options, ILogger<TelegramStartup> logger)
    : IHostedService
{
    /// <summary>The menu Telegram shows: every command of the table, with how it is typed.</summary>
    public static readonly BotCommand[] Commands = [.. CommandTable.All.Select(c => new BotCommand
    {
        Command = c.Name.TrimStart('/'),
        Description = c.Usage is null ? c.Description : $"{c.Description}: {c.Syntax}",
    })];

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await telegram.Client.GetMe(cancellationToken);
            telegram.Username = me.Username;
            await telegram.Client.SetMyCommands(Commands, cancellationToken: cancellationToken);
            if (options.Value.Mode == TelegramMode.Webhook)
                await telegram.Client.SetWebhook(options.Value.WebhookUrl, secretToken: secret.Value, allowedUpdates: Wanted, cancellationToken: cancellationToken);
            else
                await telegram.Client.DeleteWebhook(cancellationToken: cancellationToken);
            logger.LogInformation("Telegram bot @{Username} ready in {Mode} mode", me.Username, options.Value.Mode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Telegram start-up failed; check Telegram:BotToken and Telegram:ApiBaseUrl");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
