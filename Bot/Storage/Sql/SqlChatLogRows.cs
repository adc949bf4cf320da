using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// The chat_log table's rows: the entry as a document, and as columns what the domain and the delivery engines look it
/// up by — the chat and its order of change, the topic, the channel's message, the queue key while a send or an edit
/// waits, and whether a send is in flight.
/// </summary>
internal static class SqlChatLogRows
{
    public static void Save(SqlSession session, ChatLogEntry entry)
    {
        using var command = session.Command(
            "INSERT INTO chat_log (id, doc, chat_key, seq, at, topic, queue_key, external_ref, in_flight) " +
            "VALUES (@id, @doc, @chat, @seq, @at, @topic, @queue, @ref, @flight) " +
            "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, seq = excluded.seq, topic = excluded.topic, queue_key = excluded.queue_key, " +
            "external_ref = excluded.external_ref, in_flight = excluded.in_flight");
        command.Add("id", entry.Id);
        session.AddDocument(command, session.ToJson(entry));
        command.Add("chat", entry.ChatKey);
        command.Add("seq", entry.Seq);
        command.Add("at", entry.At.UtcDateTime);
        command.Add("topic", SqlSession.Value(entry.Topic));
        command.Add("queue", SqlSession.Value(entry.Outbox));
        command.Add("ref", SqlSession.Value(entry.ExternalRef));
        command.Add("flight", entry.InFlightBatch is not null);
        command.ExecuteNonQuery();
    }

    /// <summary>Entries matching <paramref name="condition"/> (parameters @p0, @p1, …), in <paramref name="tail"/>'s order and limit.</summary>
    public static List<ChatLogEntry> Where(SqlSession session, string condition, string tail, params object?[] parameters) =>
        session.Table<ChatLogEntry>("chat_log", e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(condition, tail, parameters);

    /// <summary>Ids and sequence numbers from one sequence: an entry's number is unique, and grows with every change.</summary>
    public static long NextNumber(SqlSession session)
    {
        using var command = session.Command(session.Dialect.NextChatLogNumber);
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
