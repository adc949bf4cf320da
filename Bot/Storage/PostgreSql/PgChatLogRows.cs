namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>
/// The chat_log table's rows: the entry as a document, and as columns what the domain and the delivery engines look it
/// up by — the chat and its order of change, the topic, the channel's message, the queue key while a send or an edit
/// waits, and whether a send is in flight.
/// </summary>
internal static class PgChatLogRows
{
    public static void Save(PgSession session, ChatLogEntry entry)
    {
        using var command = session.Command(
            "INSERT INTO chat_log (id, doc, chat_key, seq, at, topic, queue_key, external_ref, in_flight) " +
            "VALUES (@id, @doc, @chat, @seq, @at, @topic, @queue, @ref, @flight) " +
            "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, seq = excluded.seq, topic = excluded.topic, queue_key = excluded.queue_key, " +
            "external_ref = excluded.external_ref, in_flight = excluded.in_flight");
        command.Parameters.AddWithValue("id", entry.Id);
        command.Parameters.AddWithValue("doc", NpgsqlTypes.NpgsqlDbType.Jsonb, session.ToJson(entry));
        command.Parameters.AddWithValue("chat", entry.ChatKey);
        command.Parameters.AddWithValue("seq", entry.Seq);
        command.Parameters.AddWithValue("at", entry.At.UtcDateTime);
        command.Parameters.AddWithValue("topic", PgSession.Value(entry.Topic));
        command.Parameters.AddWithValue("queue", PgSession.Value(entry.Outbox));
        command.Parameters.AddWithValue("ref", PgSession.Value(entry.ExternalRef));
        command.Parameters.AddWithValue("flight", entry.InFlightBatch is not null);
        command.ExecuteNonQuery();
    }

    /// <summary>Entries matching <paramref name="condition"/> (parameters @p0, @p1, …), in <paramref name="tail"/>'s order and limit.</summary>
    public static List<ChatLogEntry> Where(PgSession session, string condition, string tail, params object?[] parameters) =>
        session.Table<ChatLogEntry>("chat_log", e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(condition, tail, parameters);

    /// <summary>Ids and sequence numbers from one sequence: an entry's number is unique, and grows with every change.</summary>
    public static long NextNumber(PgSession session)
    {
        using var command = session.Command("SELECT nextval('chat_log_seq')");
        return (long)command.ExecuteScalar()!;
    }
}
