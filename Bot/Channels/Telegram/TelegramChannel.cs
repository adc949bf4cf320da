using System.Globalization;
using ChatPay.Bot.Channels.Outbox;
using ChatPay.Domain.Chats;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// Telegram through the Bot API: sendMessage and editMessageText with HTML and inline keyboards. Telegram numbers a
/// chat's messages in order and answers an edit that changes nothing with "message is not modified", which lets the
/// delivery engine find a send whose answer was lost.
/// </summary>
public sealed class TelegramChannel(TelegramBot telegram, IOptions<TelegramOptions> options) : IChannel, INamedChannel
{
    public static ChatChannel Name { get; } = new("Telegram");

    public ChatChannel Channel => Name;

    public ChannelTraits Traits { get; } = new()
    {
        CanEdit = true,
        CanAskForPhone = true,
        NumbersMessagesInOrder = true,
        MaxTextLength = TelegramRenderer.MaxText,
        MaxButtonsPerMessage = 100,
        // Telegram refuses URL buttons to addresses it cannot reach (localhost in a demo).
        LinkButtonsToPrivateAddresses = false,
        MaxCombined = options.Value.Limits.MaxAlertsPerMessage,
        Pacing = new ChannelPacing
        {
            PerChatPerSecond = options.Value.Limits.PerChatPerSecond,
            PerChatBurst = options.Value.Limits.PerChatBurst,
            PerGroupPerMinute = options.Value.Limits.PerGroupPerMinute,
            GlobalPerSecond = options.Value.Limits.GlobalPerSecond,
            GlobalBurst = options.Value.Limits.GlobalBurst,
        },
        RecoveryDeadline = options.Value.RecoveryDeadline,
    };

    /// <summary>Telegram's group chats have negative ids.</summary>
    public bool IsGroup(string chatId) => chatId.StartsWith('-');

    public async Task<ChannelAnswer> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var rendering = TelegramRenderer.Render(message);
        try
        {
            var sent = await telegram.Client.SendMessage(chatId, rendering.Html, parseMode: ParseMode.Html, replyMarkup: rendering.SendMarkup,
                cancellationToken: cancellationToken);
            return new ChannelAnswer.Done(sent.MessageId.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } answer)
        {
            return answer;
        }
    }

    public async Task<ChannelAnswer> EditAsync(string chatId, string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var rendering = TelegramRenderer.Render(message);
        try
        {
            await telegram.Client.EditMessageText(chatId, int.Parse(messageId, CultureInfo.InvariantCulture), rendering.Html, parseMode: ParseMode.Html,
                replyMarkup: rendering.Keyboard, cancellationToken: cancellationToken);
            return new ChannelAnswer.Done(messageId);
        }
        catch (ApiRequestException e) when (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            return new ChannelAnswer.Done(messageId);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message to edit not found", StringComparison.OrdinalIgnoreCase))
        {
            return new ChannelAnswer.Missing($"{e.ErrorCode} {e.Message}");
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } answer)
        {
            return answer;
        }
    }

    private static ChannelAnswer? Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        _ when cancellationToken.IsCancellationRequested => null,
        ApiRequestException { ErrorCode: 429 } e => new ChannelAnswer.SlowDown(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1))),
        // 401 means the token is wrong: a configuration problem, not a reason to drop messages.
        ApiRequestException { ErrorCode: 401 } => new ChannelAnswer.Failed("401 Unauthorized", MayHaveArrived: false),
        ApiRequestException { ErrorCode: >= 400 and < 500 } e => new ChannelAnswer.Refused($"{e.ErrorCode} {e.Message}"),
        ApiRequestException e => new ChannelAnswer.Failed($"{e.ErrorCode} {e.Message}", MayHaveArrived: true),
        RequestException or HttpRequestException or TaskCanceledException => new ChannelAnswer.Failed(exception.GetType().Name, MayHaveArrived: true),
        _ => null,
    };
}
