using ChatPay.Domain.Chats;
using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>The chat log's queues and bookkeeping on LiteDB, read through the log's sparse indexes (<see cref="ChatLogIndexes"/>).</summary>
public sealed class LiteOutboxStore(LiteDbStore store) : IOutboxStore
{
    private ILiteCollection<ChatLogEntry> Log => store.Collection<ChatLogEntry>(LiteChatLog.Collection);

    public IReadOnlyList<ChatLogEntry> Queued(ChatChannel channel, int limit) => Log.Query().Where(QueuedFor(channel)).Limit(limit).ToList();

    public int Waiting(ChatChannel channel, int upTo) => Log.Query().Where(QueuedFor(channel)).Select(e => e.Id).Limit(upTo).ToList().Count;

    public DateTimeOffset? OldestSendAt(ChatChannel channel) =>
        Log.Query().Where(QueuedFor(channel)).Where($"$.{nameof(ChatLogEntry.Delivery)} = @0", nameof(Delivery.Pending)).Limit(1).FirstOrDefault()?.At;

    /// <summary>A channel's queue, in the order it was written (see <see cref="ChatLogEntry.Outbox"/>).</summary>
    private static BsonExpression QueuedFor(ChatChannel channel) =>
        ChatLogIndexes.QueuedBetween(ChatLogEntry.QueueKey(channel.ToString(), 0), ChatLogEntry.QueueKey(channel.ToString(), long.MaxValue));

    public IReadOnlyList<ChatLogEntry> SharingMessage(string chatKey, string externalId) =>
        [.. Log.Find(ChatLogIndexes.Referring(ChatLogEntry.RefOf(chatKey, externalId))).OrderBy(e => e.Id)];

    public IReadOnlyList<ChatLogEntry> RecentUnsent(string chatKey, int limit) =>
        Log.Query().Where(BsonExpression.Create(UnsentOfChat, chatKey)).OrderByDescending(e => e.Id).Limit(limit).ToList();

    /// <summary>The text stays the same and the chat is a parameter: LiteDB then compiles it once (a lambda is translated on every call).</summary>
    private const string UnsentOfChat =
        $"$.{nameof(ChatLogEntry.ChatKey)} = @0 AND $.{nameof(ChatLogEntry.Outgoing)} = true AND $.{nameof(ChatLogEntry.ExternalId)} = null";

    /// <remarks>Read once at start; filtered on the stored documents, so a large backlog is not mapped to entries.</remarks>
    public IReadOnlyList<string> ChatsInFlight(ChatChannel channel) =>
        [.. Log.Query().Where(QueuedFor(channel)).Where($"$.{nameof(ChatLogEntry.InFlightBatch)} != null").Select(e => e.ChatKey).ToEnumerable().Distinct()];

    public IReadOnlyList<ChatLogEntry> InFlight(string chatKey) =>
        [.. Log.Where(nameof(ChatLogEntry.ChatKey), chatKey).Where(e => e.InFlightBatch != null).OrderBy(e => e.Id)];

    public IReadOnlyList<ChatLogEntry> OfChat(string chatKey) => [.. Log.Where(nameof(ChatLogEntry.ChatKey), chatKey).OrderBy(e => e.Id)];

    public IReadOnlyList<ChatLogEntry> History(string chatKey, long afterSeq, int limit) => store.ChatHistory(chatKey, afterSeq, limit);

    public void Change(IReadOnlyCollection<long> ids, Action<IReadOnlyDictionary<long, ChatLogEntry>> change) => store.WriteDirect(db =>
    {
        var log = db.GetCollection<ChatLogEntry>(LiteChatLog.Collection);
        var entries = log.GetAll(ids).ToDictionary(e => e.Id);
        change(entries);
        foreach (var entry in entries.Values) log.Update(entry);
        return true;
    });
}
