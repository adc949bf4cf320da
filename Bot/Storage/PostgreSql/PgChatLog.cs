using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>The chat log on PostgreSQL: entries as in LiteDB, numbered and re-numbered on every change from one sequence.</summary>
internal sealed class PgChatLog(PgSession session) : IChatLog
{
    private readonly PgTable<ChatLogEntry> _table = session.Table<ChatLogEntry>("chat_log", e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ("chat_key", e => e.ChatKey), ("topic", e => e.Topic));

    public long RecordIncoming(ChatAddress chat, string text, DateTimeOffset at) => Insert(ChatLogEntry.Incoming(chat, text, at));

    public long Send(ChatAddress chat, OutgoingMessage message, DateTimeOffset at, MessageTopic? topic = null) =>
        Insert(ChatLogEntry.Sending(chat, message, at, topic, Delivery.Pending));

    public IReadOnlyList<ChoiceButton> ChoicesOf(ChatAddress chat, long messageId) =>
        Get(messageId) is { Outgoing: true } entry && entry.ChatKey == chat.Key ? [.. entry.Choices, .. entry.RetiredChoices] : [];

    public void CloseChoices(ChatAddress chat, long messageId, string chosenLabel)
    {
        if (Get(messageId) is not { } entry || !entry.CanClose(chat)) return;
        entry.ChosenLabel = chosenLabel;
        Update(entry);
    }

    public IReadOnlyList<SentMessage> OnTopic(MessageTopic topic) =>
        [.. _table.Where("topic = @p0", "ORDER BY id", topic.Key).Select(e => new SentMessage(e.Id, ChatAddress.FromKey(e.ChatKey), e.ToMessage(), e.Delivery, e.At))];

    public void Replace(long messageId, OutgoingMessage message)
    {
        if (Get(messageId) is not { } entry) return;
        entry.Replace(message);
        Update(entry);
    }

    private ChatLogEntry? Get(long id) => _table.Where("id = @p0", "", id).FirstOrDefault();

    private long Insert(ChatLogEntry entry)
    {
        entry.Id = NextNumber();
        entry.Seq = entry.Id;
        entry.QueuePlace = entry.Seq;
        Save(entry);
        return entry.Id;
    }

    private void Update(ChatLogEntry entry)
    {
        entry.Seq = NextNumber();
        entry.EditPending = entry.Delivery == Delivery.Delivered;
        Save(entry);
    }

    private void Save(ChatLogEntry entry)
    {
        using var command = session.Command("INSERT INTO chat_log (id, doc, chat_key, topic) VALUES (@id, @doc, @chat, @topic) " +
                                            "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, topic = excluded.topic");
        command.Parameters.AddWithValue("id", entry.Id);
        command.Parameters.AddWithValue("doc", NpgsqlTypes.NpgsqlDbType.Jsonb, session.ToJson(entry));
        command.Parameters.AddWithValue("chat", entry.ChatKey);
        command.Parameters.AddWithValue("topic", PgSession.Value(entry.Topic));
        command.ExecuteNonQuery();
    }

    private long NextNumber()
    {
        using var command = session.Command("SELECT nextval('chat_log_seq')");
        return (long)command.ExecuteScalar()!;
    }
}
