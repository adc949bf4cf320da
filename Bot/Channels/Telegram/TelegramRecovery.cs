using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// After a crash, settles the sends ChatPay started but never heard back about, so a receipt or an alert is neither
/// lost nor sent twice. The Bot API has no idempotency key, but it numbers a chat's messages in order and answers an
/// edit that changes nothing with "message is not modified". So for each chat's unsettled message, the ids after the
/// last one ChatPay knows are tried with an edit to that very message: an answer of "not modified" (or a successful
/// edit, which only a message of this bot can take) means it was delivered there; a refusal at every id means it was
/// not, and it is sent as usual. Only the first unsettled message of a chat can have gone out, since a chat's messages
/// are sent one after another.
/// </summary>
public sealed class TelegramRecovery(TelegramBot telegram, ChatOutbox outbox, TelegramRateLimiter limiter, TimeProvider clock, ILogger<TelegramRecovery> logger)
{
    /// <summary>Ids tried beyond those the chat's own recorded messages may have taken (others' messages in a group).</summary>
    private const int PrivateSlack = 5;
    private const int GroupSlack = 30;

    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var chat in outbox.InFlight(ChatChannel.Telegram).GroupBy(e => e.ChatKey))
        {
            var batch = chat.Where(e => e.InFlightBatch == chat.First().InFlightBatch).ToList();
            var chatId = ChatAddress.FromKey(chat.Key).Id;
            var found = await FindAsync(chatId, chat.Key, batch, cancellationToken);
            var rendered = chat.Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)).ToList();
            if (found is { } messageId)
            {
                outbox.Delivered(rendered.Where(r => batch.Any(b => b.Id == r.Id)), messageId.ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow());
                logger.LogWarning("A message sent just before a crash was found in chat {ChatId} as message {MessageId}; it is not sent again", chatId, messageId);
            }
            outbox.NotInFlight(rendered);
            outbox.Flush();
        }
    }

    private async Task<long?> FindAsync(string chatId, string chatKey, IReadOnlyList<ChatLogEntry> batch, CancellationToken cancellationToken)
    {
        var rendering = batch.Count == 1 ? TelegramRenderer.Render(batch[0]) : TelegramRenderer.RenderCombined(batch);
        var (lastKnown, incoming) = outbox.Whereabouts(chatKey);
        var span = incoming + rendering.Chunks.Count + (long.Parse(chatId, System.Globalization.CultureInfo.InvariantCulture) < 0 ? GroupSlack : PrivateSlack);
        var id = lastKnown + 1;
        while (id <= lastKnown + span)
        {
            while (!limiter.TryTake(chatId, out var wait)) await Task.Delay(wait, clock, cancellationToken);
            try
            {
                // The last piece carries the keyboard; finding it means every piece before it went out too.
                await telegram.Client.EditMessageText(chatId, (int)id, rendering.Chunks[^1], parseMode: ParseMode.Html,
                    replyMarkup: rendering.Keyboard, cancellationToken: cancellationToken);
                return id;
            }
            catch (ApiRequestException e) when (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                limiter.Hold(chatId, TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)));
                continue;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400)
            {
                // Not a message of this bot with that id: look further.
            }
            id++;
        }
        return null;
    }
}
