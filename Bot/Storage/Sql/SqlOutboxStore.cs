using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>The chat log's queues and bookkeeping in SQL, read through chat_log's columns (<see cref="SqlChatLogRows"/>).</summary>
public sealed class SqlOutboxStore(ISqlStore store) : IOutboxStore
{
    public IReadOnlyList<ChatLogEntry> Queued(ChatChannel channel, int limit) =>
        Read("queue_key >= @p0 AND queue_key <= @p1", $"ORDER BY queue_key LIMIT {limit}", First(channel), Last(channel));

    public int Waiting(ChatChannel channel, int upTo) => store.Query(session =>
    {
        using var command = session.Command($"SELECT count(*) FROM (SELECT 1 FROM chat_log WHERE queue_key >= @p0 AND queue_key <= @p1 LIMIT {upTo}) queued");
        command.Add("p0", First(channel));
        command.Add("p1", Last(channel));
        return Convert.ToInt32(command.ExecuteScalar());
    });

    public DateTimeOffset? OldestSendAt(ChatChannel channel) =>
        Read(dialect => $"queue_key >= @p0 AND queue_key <= @p1 AND {dialect.Field(nameof(ChatLogEntry.Delivery))} = @p2", "ORDER BY queue_key LIMIT 1", First(channel), Last(channel), nameof(Delivery.Pending))
            .FirstOrDefault()?.At;

    private static string First(ChatChannel channel) => ChatLogEntry.QueueKey(channel.ToString(), 0);

    private static string Last(ChatChannel channel) => ChatLogEntry.QueueKey(channel.ToString(), long.MaxValue);

    public IReadOnlyList<ChatLogEntry> SharingMessage(string chatKey, string externalId) =>
        Read("external_ref = @p0", "ORDER BY id", ChatLogEntry.RefOf(chatKey, externalId));

    public IReadOnlyList<ChatLogEntry> RecentUnsent(string chatKey, int limit) =>
        Read(dialect => $"chat_key = @p0 AND external_ref IS NULL AND {dialect.IsTrue(dialect.Field(nameof(ChatLogEntry.Outgoing)))}", $"ORDER BY id DESC LIMIT {limit}", chatKey);

    public IReadOnlyList<string> ChatsInFlight(ChatChannel channel) => store.Query(session =>
    {
        using var command = session.Command("SELECT DISTINCT chat_key FROM chat_log WHERE in_flight AND queue_key >= @p0 AND queue_key <= @p1");
        command.Add("p0", First(channel));
        command.Add("p1", Last(channel));
        using var reader = command.ExecuteReader();
        var chats = new List<string>();
        while (reader.Read()) chats.Add(reader.GetString(0));
        return chats;
    });

    public IReadOnlyList<ChatLogEntry> InFlight(string chatKey) => Read("chat_key = @p0 AND in_flight", "ORDER BY id", chatKey);

    public IReadOnlyList<ChatLogEntry> OfChat(string chatKey) => Read("chat_key = @p0", "ORDER BY id", chatKey);

    public IReadOnlyList<ChatLogEntry> History(string chatKey, long afterSeq, int limit) =>
        Read("chat_key = @p0 AND seq > @p1", $"ORDER BY seq LIMIT {limit}", chatKey, afterSeq);

    public void Change(IReadOnlyCollection<long> ids, Action<IReadOnlyDictionary<long, ChatLogEntry>> change) => store.Step(session =>
    {
        var entries = SqlChatLogRows.Where(session, session.Dialect.AnyOf("id", "@p0"), "ORDER BY id", session.Dialect.IdList(ids)).ToDictionary(e => e.Id);
        change(entries);
        foreach (var entry in entries.Values) SqlChatLogRows.Save(session, entry);
        return true;
    });

    private List<ChatLogEntry> Read(string condition, string tail, params object?[] parameters) => Read(_ => condition, tail, parameters);

    private List<ChatLogEntry> Read(Func<ISqlDialect, string> condition, string tail, params object?[] parameters) =>
        store.Query(session => SqlChatLogRows.Where(session, condition(session.Dialect), tail, parameters));
}
