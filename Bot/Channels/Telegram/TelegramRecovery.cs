using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// Settles the sends ChatPay started but never heard back about (a crash, a lost connection, a timeout), so a receipt
/// or an alert is neither lost nor sent twice. The Bot API has no idempotency key, but it numbers a chat's messages in order and answers an
/// edit that changes nothing with "message is not modified". So, for each chat, the unsettled messages are looked
/// for in the order they were sent, at the ids after the last one ChatPay knows, with an edit to that very message:
/// "not modified" (or a successful edit, which only a message of this bot can take) means it was delivered there. The
/// first one not found was not delivered, and nor was anything after it, since a chat's messages go out one after
/// another; those are sent as usual.
/// </summary>
public sealed class TelegramRecovery(TelegramBot telegram, ChatOutbox outbox, TelegramRateLimiter limiter, TimeProvider clock, ILogger<TelegramRecovery> logger)
{
    /// <summary>Ids tried beyond those the chat's own recorded messages may have taken (others' messages in a group).</summary>
    private const int PrivateSlack = 5;
    private const int GroupSlack = 30;

    /// <summary>The chats with sends a crash interrupted: each is settled before anything more is sent to it.</summary>
    public IReadOnlyList<string> ChatsToSettle() => outbox.ChatsInFlight(ChatChannel.Telegram);

    /// <summary>Finds which of the chat's unsettled sends Telegram has, records them as delivered, and frees the rest to be sent.</summary>
    public async Task SettleAsync(string chatKey, CancellationToken cancellationToken)
    {
        var inFlight = outbox.InFlight(chatKey);
        if (inFlight.Count == 0) return;
        var chatId = ChatAddress.FromKey(chatKey).Id;
        // Only what the person wrote before the unanswered sends can sit between them at Telegram: messages typed since
        // (people who get no answer type more) do not widen the search.
        var (lastKnown, incoming) = outbox.Whereabouts(chatKey, before: inFlight.Max(e => e.Id));
        var slack = incoming + (long.Parse(chatId, System.Globalization.CultureInfo.InvariantCulture) < 0 ? GroupSlack : PrivateSlack);
        foreach (var batch in inFlight.GroupBy(e => e.InFlightBatch).OrderBy(b => b.Key).Select(b => b.ToList()))
        {
            if (await FindAsync(chatId, batch, lastKnown + 1, slack, cancellationToken) is not { } messageId) break;
            outbox.Delivered(batch.Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)), messageId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            logger.LogWarning("A message whose send went unanswered was found in chat {ChatId} as message {MessageId}; it is not sent again", chatId, messageId);
            lastKnown = messageId;
        }
        outbox.NotInFlight(inFlight.Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)));
        outbox.Flush();
    }

    /// <summary>The search ran out of time: the chat's unanswered sends go out again (one may arrive twice; never none).</summary>
    public void GiveUp(string chatKey)
    {
        outbox.NotInFlight(outbox.InFlight(chatKey).Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)));
        outbox.Flush();
    }

    private async Task<long?> FindAsync(string chatId, IReadOnlyList<ChatLogEntry> batch, long from, int slack, CancellationToken cancellationToken)
    {
        var rendering = TelegramRenderer.Render(batch);
        var id = from;
        while (id < from + slack + rendering.Chunks.Count)
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
