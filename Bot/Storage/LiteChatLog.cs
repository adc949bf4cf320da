using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteChatLog(LiteDatabase db, Func<long> nextSeq, Func<ChatChannel, bool> readFromLog) : IChatLog
{
    public const string Collection = "chat_log";
    private readonly ILiteCollection<ChatLogEntry> _log = db.GetCollection<ChatLogEntry>(Collection);
    private readonly HashSet<string> _touched = [];

    public IReadOnlyCollection<string> TouchedChats => _touched;

    public long RecordIncoming(ChatAddress chat, string text, DateTimeOffset at) =>
        Insert(new ChatLogEntry { ChatKey = chat.Key, Text = text, At = at, Delivery = Delivery.InLog });

    public long Send(ChatAddress chat, OutgoingMessage message, DateTimeOffset at, MessageTopic? topic = null) => Insert(new ChatLogEntry
    {
        ChatKey = chat.Key,
        Outgoing = true,
        Text = message.Text,
        Choices = [.. message.Choices],
        Links = [.. message.Links],
        Warning = message.Warning,
        AsksForPhone = message.AsksForPhone,
        EndsPhoneRequest = message.EndsPhoneRequest,
        Topic = topic?.Key,
        At = at,
        // The web chat reads its messages from the log; other channels' delivery engines push them and mark them delivered.
        Delivery = readFromLog(chat.Channel) ? Delivery.InLog : Delivery.Pending,
        NextAttemptAt = at,
    });

    public IReadOnlyList<ChoiceButton> ChoicesOf(ChatAddress chat, long messageId)
    {
        var entry = _log.Get(messageId);
        return entry is { Outgoing: true } && entry.ChatKey == chat.Key ? [.. entry.Choices, .. entry.RetiredChoices] : [];
    }

    public void CloseChoices(ChatAddress chat, long messageId, string chosenLabel)
    {
        var entry = _log.Get(messageId);
        if (entry is null || entry.ChatKey != chat.Key || entry.Choices.Count == 0 || entry.ChosenLabel is not null) return;
        entry.ChosenLabel = chosenLabel;
        Update(entry);
    }

    public IReadOnlyList<SentMessage> OnTopic(MessageTopic topic) =>
        _log.Find(ChatLogIndexes.Referring(topic.Key)).OrderBy(e => e.Id)
            .Select(e => new SentMessage(e.Id, ChatAddress.FromKey(e.ChatKey), e.ToMessage(), e.Delivery, e.At)).ToList();

    public void Replace(long messageId, OutgoingMessage message)
    {
        var entry = _log.Get(messageId);
        if (entry is null) return;
        entry.Text = message.Text;
        entry.RetiredChoices.AddRange(entry.Choices.Where(c => !message.Choices.Contains(c)));
        entry.Choices = [.. message.Choices];
        entry.Links = [.. message.Links];
        entry.Warning = message.Warning;
        entry.ChosenLabel = null;
        Update(entry);
    }

    private void Update(ChatLogEntry entry)
    {
        entry.Seq = nextSeq();
        entry.EditPending = entry.Delivery == Delivery.Delivered;
        _log.Update(entry);
        _touched.Add(entry.ChatKey);
    }

    private long Insert(ChatLogEntry entry)
    {
        entry.Seq = nextSeq();
        entry.QueuePlace = entry.Seq;
        _log.Insert(entry);
        _touched.Add(entry.ChatKey);
        return entry.Id;
    }
}
