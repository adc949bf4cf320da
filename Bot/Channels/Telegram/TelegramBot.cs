using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>The Bot API client for the configured token, and the bot's own username once known.</summary>
public sealed class TelegramBot
{
    public TelegramBot(HttpClient http, IOptions<TelegramOptions> options)
    {
        var settings = options.Value;
        // ChatPay paces and retries itself (OutboxDelivery); the client's own 429 retry would block a chat's queue.
        Client = new TelegramBotClient(new TelegramBotClientOptions(settings.BotToken, baseUrl: settings.ApiBaseUrl.TrimEnd('/')) { RetryCount = 0 }, http)
        {
            Timeout = TimeSpan.FromSeconds(settings.PollTimeoutSeconds + 15),
        };
        BotId = settings.BotToken[..settings.BotToken.IndexOf(':')];
    }

    public ITelegramBotClient Client { get; }

    /// <summary>The numeric part of the token: update ids are counted per bot.</summary>
    public string BotId { get; }

    /// <summary>A failed call in words safe for logs and /health: never the request's address, which holds the token.</summary>
    public static string Describe(Exception e) => e is ApiRequestException api ? $"{api.ErrorCode} {api.Message}" : e.GetType().Name;

    /// <summary>Learned from getMe at start-up; commands in groups must be addressed to it.</summary>
    public string? Username { get; set; }
}
