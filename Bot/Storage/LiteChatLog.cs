using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteChatLog(LiteDatabase db, Func<long> nextSeq, Func<ChatChannel, bool> readFromLog) : IChatLog
{
    public const string Collection = "chat_log";
    private readonly ILiteCollection<ChatLogEntry> _log = db.GetCollection<ChatLogEntry>(Collection);
    private readonly HashSet<string> _touched = [];
    /// <summary>Entries this step has read: a press reads its message's buttons, then closes them (see <see cref="StepDocuments{T}"/>).</summary>
    private readonly Dictionary<long, ChatLogEntry?> _read = [];

    public IReadOnlyCollection<string> TouchedChats => _touched;

    public long RecordIncoming(ChatAddress chat, string text, DateTimeOffset at) => Insert(ChatLogEntry.Incoming(chat, text, at));

    // The web chat reads its messages from the log; other channels' delivery engines push them and mark them delivered.
    public long Send(ChatAddress chat, OutgoingMessage message, DateTimeOffset at, MessageTopic? topic = null) =>
        Insert(ChatLogEntry.Sending(chat, message, at, topic, readFromLog(chat.Channel) ? Delivery.InLog : Delivery.Pending));

    public IReadOnlyList<ChoiceButton> ChoicesOf(ChatAddress chat, long messageId)
    {
        var entry = Entry(messageId);
        return entry is { Outgoing: true } && entry.ChatKey == chat.Key ? [.. entry.Choices, .. entry.RetiredChoices] : [];
    }

    public void CloseChoices(ChatAddress chat, long messageId, string chosenLabel)
    {
        if (Entry(messageId) is not { } entry || !entry.CanClose(chat)) return;
        entry.ChosenLabel = chosenLabel;
        Update(entry);
    }

    public IReadOnlyList<SentMessage> OnTopic(MessageTopic topic) =>
        _log.Find(ChatLogIndexes.Referring(topic.Key)).OrderBy(e => e.Id)
            .Select(e => new SentMessage(e.Id, ChatAddress.FromKey(e.ChatKey), e.ToMessage(), e.Delivery, e.At)).ToList();

    public void Replace(long messageId, OutgoingMessage message)
    {
        if (Entry(messageId) is not { } entry) return;
        entry.Replace(message);
        Update(entry);
    }

    /// <remarks>Kept as the object: every change of it in this step is followed by <see cref="Update"/>.</remarks>
    private ChatLogEntry? Entry(long id) => _read.TryGetValue(id, out var entry) ? entry : _read[id] = _log.Get(id);

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
