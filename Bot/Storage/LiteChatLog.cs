using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteChatLog(LiteDatabase db) : IChatLog
{
    public const string Collection = "chat_log";
    private readonly ILiteCollection<ChatLogEntry> _log = db.GetCollection<ChatLogEntry>(Collection);
    private readonly HashSet<string> _touched = [];

    public IReadOnlyCollection<string> TouchedChats => _touched;

    public long RecordIncoming(ChatAddress chat, string text, DateTimeOffset at) =>
        Insert(new ChatLogEntry { ChatKey = chat.Key, Text = text, At = at, Delivery = Delivery.InLog });

    public long Send(ChatAddress chat, OutgoingMessage message, DateTimeOffset at) => Insert(new ChatLogEntry
    {
        ChatKey = chat.Key,
        Outgoing = true,
        Text = message.Text,
        Choices = [.. message.Choices],
        Links = [.. message.Links],
        At = at,
        // The web chat reads its messages from the log; other channels push them and mark them delivered.
        Delivery = chat.Channel == ChatChannel.Web ? Delivery.InLog : Delivery.Pending,
        NextAttemptAt = at,
    });

    public IReadOnlyList<ChoiceButton> ChoicesOf(ChatAddress chat, long messageId)
    {
        var entry = _log.FindById(messageId);
        return entry is { Outgoing: true } && entry.ChatKey == chat.Key ? entry.Choices : [];
    }

    public void CloseChoices(ChatAddress chat, long messageId, string chosenLabel)
    {
        var entry = _log.FindById(messageId);
        if (entry is null || entry.ChatKey != chat.Key || entry.Choices.Count == 0 || entry.ChosenLabel is not null) return;
        entry.ChosenLabel = chosenLabel;
        entry.EditPending = entry.Delivery == Delivery.Delivered;
        _log.Update(entry);
        _touched.Add(chat.Key);
    }

    private long Insert(ChatLogEntry entry)
    {
        _log.Insert(entry);
        _touched.Add(entry.ChatKey);
        return entry.Id;
    }
}
