using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>The chat log in SQL: entries as in LiteDB, numbered and re-numbered on every change from one counter.</summary>
internal sealed class SqlChatLog(SqlSession session, Func<ChatChannel, bool> readFromLog) : IChatLog
{
    public long RecordIncoming(ChatAddress chat, string text, DateTimeOffset at)
    {
        session.LockChat(chat.Key);
        return Insert(ChatLogEntry.Incoming(chat, text, at));
    }

    // The web chat reads its messages from the log; other channels' delivery engines push them and mark them delivered.
    public long Send(ChatAddress chat, OutgoingMessage message, DateTimeOffset at, MessageTopic? topic = null) =>
        Insert(ChatLogEntry.Sending(chat, message, at, topic, readFromLog(chat.Channel) ? Delivery.InLog : Delivery.Pending));

    public IReadOnlyList<ChoiceButton> ChoicesOf(ChatAddress chat, long messageId) =>
        Get(messageId) is { Outgoing: true } entry && entry.ChatKey == chat.Key ? [.. entry.Choices, .. entry.RetiredChoices] : [];

    public void CloseChoices(ChatAddress chat, long messageId, string chosenLabel)
    {
        if (Get(messageId) is not { } entry || !entry.CanClose(chat)) return;
        entry.ChosenLabel = chosenLabel;
        Update(entry);
    }

    public IReadOnlyList<SentMessage> OnTopic(MessageTopic topic) =>
        [.. SqlChatLogRows.Where(session, "topic = @p0", "ORDER BY id", topic.Key).Select(e => new SentMessage(e.Id, ChatAddress.FromKey(e.ChatKey), e.ToMessage(), e.Delivery, e.At))];

    public void Replace(long messageId, OutgoingMessage message)
    {
        if (Get(messageId) is not { } entry) return;
        entry.Replace(message);
        Update(entry);
    }

    private ChatLogEntry? Get(long id) => SqlChatLogRows.Where(session, "id = @p0", "", id).FirstOrDefault();

    // A chat's entries are numbered under its lock, so they commit in the order of their numbers: a reader that asks for
    // what changed after a number (the web chat) never misses one committed late.
    private long Insert(ChatLogEntry entry)
    {
        session.LockChat(entry.ChatKey);
        entry.Id = SqlChatLogRows.NextNumber(session);
        entry.Seq = entry.Id;
        entry.QueuePlace = entry.Seq;
        SqlChatLogRows.Save(session, entry);
        session.Touched(entry.ChatKey);
        return entry.Id;
    }

    private void Update(ChatLogEntry entry)
    {
        session.LockChat(entry.ChatKey);
        entry.Seq = SqlChatLogRows.NextNumber(session);
        entry.EditPending = entry.Delivery == Delivery.Delivered;
        SqlChatLogRows.Save(session, entry);
        session.Touched(entry.ChatKey);
    }
}
