using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// Turns a Telegram update into a chat input and hands it to the desk: one chat at a time, in order; an update
/// seen before (Telegram redelivers after a crash) changes nothing. Every callback query is answered.
/// </summary>
public sealed class TelegramInbound(TelegramBot telegram, ChatDesk desk, ChatOutbox outbox, ILogger<TelegramInbound> logger)
{
    private readonly KeyedLock _chats = new();

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (Read(update) is not var (chat, input)) return;
        using (await _chats.AcquireAsync(chat.Key, cancellationToken))
            desk.Handle(chat, input, $"Telegram:{telegram.BotId}:{update.Id}");

        if (update.CallbackQuery is { } query) await AnswerAsync(query, cancellationToken);
    }

    private (ChatAddress Chat, ChatInput Input)? Read(Update update)
    {
        switch (update)
        {
            case { Message: { Chat: var chat } message } when chat.Type != ChatType.Channel:
                var inGroup = chat.Type is ChatType.Group or ChatType.Supergroup;
                var text = message.Text ?? "";
                if (inGroup && !AddressedToUs(text)) return null;
                return (Address(chat), new TextInput(text) { SenderName = Name(message.From), InGroup = inGroup });

            case { CallbackQuery: { Message.Chat: var chat } query }:
                var address = Address(chat);
                var payload = query.Data ?? "";
                return (address, new PressInput(payload, LogIdOf(address, query.Message!.MessageId, payload))
                {
                    SenderName = Name(query.From),
                    InGroup = chat.Type is ChatType.Group or ChatType.Supergroup,
                });

            default:
                return null;
        }
    }

    /// <summary>In groups only commands count, and only those without a bot name or with ours.</summary>
    private bool AddressedToUs(string text)
    {
        if (!text.StartsWith('/')) return false;
        var command = text.Split(' ', 2)[0];
        var at = command.IndexOf('@');
        return at < 0 || string.Equals(command[(at + 1)..], telegram.Username, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The log entry behind a Telegram message; a combined message holds several, and the payload tells which.</summary>
    private long? LogIdOf(ChatAddress chat, int messageId, string payload)
    {
        var entries = outbox.SharingMessage(chat.Key, messageId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (entries.FirstOrDefault(e => e.Choices.Concat(e.RetiredChoices).Any(c => c.Payload == payload)) ?? entries.FirstOrDefault())?.Id;
    }

    private async Task AnswerAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        try
        {
            await telegram.Client.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reply in the chat already told the person what happened; a late answer only leaves a spinner.
            logger.LogWarning(e, "Could not answer callback query in chat {ChatId}", query.Message?.Chat.Id);
        }
    }

    private static ChatAddress Address(Chat chat) => new(ChatChannel.Telegram, chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string? Name(User? user) => user is null ? null : $"{user.FirstName} {user.LastName}".Trim();
}
