using ChatPay.Bot.Channels.Photos;
using ChatPay.Bot.Operations;
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
public sealed class TelegramInbound(TelegramBot telegram, ChatDesk desk, ChatOutbox outbox, SlipReader slips, ChatPayMetrics metrics, ILogger<TelegramInbound> logger)
{
    private readonly KeyedLock _chats = new();

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var photos = await ReadPhotosAsync([update], cancellationToken);
        if (Read(update, photos) is not var (chat, input)) return;
        using var scope = logger.ForChat(chat);
        using (await _chats.AcquireAsync(chat.Key, cancellationToken))
            desk.Handle(chat, input, EventKey(update));
        metrics.UpdatesHandled(TelegramChannel.Name);

        if (update.CallbackQuery is { } query) await AnswerAsync(query, cancellationToken);
    }

    /// <summary>
    /// A polled batch, in update order, stored as one step; should that step fail, each update is tried on its own
    /// so one bad update cannot hold the others back. Then every callback query is answered, without holding up the
    /// next poll: an answer only stops the button's spinner, and the reply in the chat is already on its way.
    /// </summary>
    public async Task HandleBatchAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        // Photos are downloaded and read before the step, which must not wait on the network.
        var photos = await ReadPhotosAsync(updates, cancellationToken);
        var inputs = updates.OrderBy(u => u.Id)
            .Select(u => (Update: u, Read: Read(u, photos)))
            .Where(x => x.Read is not null)
            .Select(x => (x.Read!.Value.Chat, x.Read.Value.Input, EventKey(x.Update)))
            .ToList();
        try
        {
            desk.HandleAll(inputs);
            metrics.UpdatesHandled(TelegramChannel.Name, inputs.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "A batch of {Count} Telegram updates failed as one step; handling them one by one", inputs.Count);
            foreach (var update in updates.OrderBy(u => u.Id))
            {
                try
                {
                    await HandleAsync(update, cancellationToken);
                }
                catch (Exception single) when (single is not OperationCanceledException)
                {
                    logger.LogError(single, "Telegram update {UpdateId} could not be handled", update.Id);
                }
            }
            return;
        }
        _ = Task.WhenAll(updates.Select(u => u.CallbackQuery).OfType<CallbackQuery>().Select(q => AnswerAsync(q, cancellationToken)));
    }

    private string EventKey(Update update) => $"Telegram:{telegram.BotId}:{update.Id}";

    private (ChatAddress Chat, ChatInput Input)? Read(Update update, IReadOnlyDictionary<int, PhotoInput> photos)
    {
        switch (update)
        {
            case { Message.Chat: var chat } when photos.TryGetValue(update.Id, out var photo):
                return (Address(chat), photo);

            // A shared contact counts only as the sender's own number: Telegram sets user_id to the sender's id for it,
            // while a forwarded or typed contact carries someone else's id or none.
            case { Message: { Chat: var chat, Contact: { } contact } message } when chat.Type == ChatType.Private:
                return (Address(chat), new ContactInput(contact.PhoneNumber, contact.UserId is { } owner && owner == message.From?.Id) { SenderName = Name(message.From) });

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

    /// <summary>
    /// The code read from each photo (or image file) sent in a private chat: the largest size within
    /// <see cref="SlipReader.MaxBytes"/>, fetched with getFile, read in memory and dropped.
    /// </summary>
    private async Task<Dictionary<int, PhotoInput>> ReadPhotosAsync(IEnumerable<Update> updates, CancellationToken cancellationToken)
    {
        var read = new Dictionary<int, PhotoInput>();
        foreach (var update in updates)
        {
            if (update.Message is not { Chat.Type: ChatType.Private } message) continue;
            // A photo (Telegram keeps several sizes: the largest within the limit), or an image sent as a file, uncompressed.
            string? fileId;
            if (message.Photo is { Length: > 0 } sizes) fileId = sizes.Where(s => s.FileSize is null or <= SlipReader.MaxBytes).MaxBy(s => s.Width * s.Height)?.FileId;
            else if (message.Document is { MimeType: { } mime } document && mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                fileId = document.FileSize is null or <= SlipReader.MaxBytes ? document.FileId : null;
            else continue;
            if (fileId is null)
            {
                read[update.Id] = new PhotoInput(null, PhotoProblem.TooLarge);
                continue;
            }
            try
            {
                var file = await telegram.Client.GetFile(fileId, cancellationToken);
                using var bytes = new MemoryStream();
                await telegram.Client.DownloadFile(file.FilePath!, bytes, cancellationToken);
                read[update.Id] = await slips.ReadAsync(bytes.ToArray(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("A Telegram photo could not be fetched ({Error})", TelegramBot.Describe(e));
                read[update.Id] = new PhotoInput(null, PhotoProblem.Unreadable);
            }
        }
        return read;
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
        var externalId = messageId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = outbox.SharingMessage(chat.Key, externalId);
        if (entries.Count == 0)
        {
            // Not stored yet, or stored just after the read above, by the round that sent it: the read below finds it then.
            if (outbox.UnsentOffering(chat.Key, payload) is { } unsent) return unsent.Id;
            entries = outbox.SharingMessage(chat.Key, externalId);
        }
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

    private static ChatAddress Address(Chat chat) => new(TelegramChannel.Name, chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string? Name(User? user) => user is null ? null : $"{user.FirstName} {user.LastName}".Trim();
}
