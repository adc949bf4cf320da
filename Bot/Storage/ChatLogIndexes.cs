using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>
/// The chat log's indexes and its sequence counter. The log is the busiest collection (every message both ways, and
/// the outbox's bookkeeping), and LiteDB keeps a node in an index for every document, a null key included: adding one
/// cost about 6 µs more per index, and each change of a key a removal and an insertion. So a key most entries lack is
/// stored as an array that is empty (absent) for them, and indexed item by item: no item, no node (a sparse index). The
/// sequence number, needed only at start, is a counter stored with each step instead of an index kept up to date on every
/// change.
/// </summary>
internal static class ChatLogIndexes
{
    private const string QueueKeys = nameof(ChatLogEntry.QueueKeys);
    private const string RefKeys = nameof(ChatLogEntry.RefKeys);

    /// <summary>Entries a channel still has work on, by queue key (<see cref="ChatLogEntry.QueueKeys"/>); delivered and incoming entries have none.</summary>
    private const string Queue = $"$.{QueueKeys}[*]";

    /// <summary>
    /// Entries by topic and by the channel's message (<see cref="ChatLogEntry.RefKeys"/>). The two share an index and
    /// cannot be confused: a reference holds '#', a topic key never does.
    /// </summary>
    private const string Refs = $"$.{RefKeys}[*]";

    /// <summary>The same indexes as the version before kept them: through expressions that filter out null keys.</summary>
    private static readonly string[] FilteringIndexesOfEarlierVersions = ["Queue", "Refs"];

    public const string StateCollection = "chat_log_state";
    private const string LastSeqId = "lastSeq";

    /// <summary>A channel's queue between two keys, read in key order from the index.</summary>
    public static BsonExpression QueuedBetween(string from, string to) => BsonExpression.Create($"{Queue} ANY BETWEEN @0 AND @1", from, to);

    /// <summary>Entries with that topic key or message reference.</summary>
    public static BsonExpression Referring(string key) => BsonExpression.Create($"{Refs} ANY = @0", key);

    /// <summary>Kept in the step that gives the numbers, so a restart after a crash goes on from the last committed one.</summary>
    public static void StoreLastSeq(LiteDatabase db, long seq) =>
        db.GetCollection(StateCollection).Upsert(new BsonDocument { ["_id"] = LastSeqId, ["value"] = seq });

    /// <summary>The last sequence number a store on this file gave (0 for a database of an earlier version, whose entries carry theirs).</summary>
    public static long LastSeq(LiteDbStore store) =>
        store.Collection<BsonDocument>(StateCollection).FindById(LastSeqId) is { } state ? state["value"].AsInt64 : 0;

    /// <summary>Ensures the indexes, bringing a database of an earlier version over, and returns the last sequence number given.</summary>
    public static long Ensure(LiteDatabase db)
    {
        var log = db.GetCollection<ChatLogEntry>(LiteChatLog.Collection);
        var earlier = IndexNames(db);
        log.EnsureIndex(e => e.ChatKey);
        if (earlier.Contains("Outbox"))
        {
            PlaceQueuedEntriesOfEarlierVersions(log);
            log.DropIndex("Outbox");
        }
        // Keys are stored before the indexes that held them go: a move cut short starts again from the same state.
        if (!earlier.Contains(QueueKeys)) StoreKeysOfEarlierVersions(db);
        foreach (var name in FilteringIndexesOfEarlierVersions.Append(nameof(ChatLogEntry.Topic)).Append("ExternalRef")) log.DropIndex(name);
        log.EnsureIndex(QueueKeys, Queue);
        log.EnsureIndex(RefKeys, Refs);

        if (db.GetCollection(StateCollection).FindById(LastSeqId) is { } state) return state["value"].AsInt64;
        // A database of an earlier version: its highest number, by the index it still has (read before it goes).
        var last = log.Query().OrderByDescending(e => e.Seq).Select(e => e.Seq).FirstOrDefault();
        StoreLastSeq(db, last);
        log.DropIndex(nameof(ChatLogEntry.Seq));
        return last;
    }

    /// <summary>Earlier versions stored the queue key and the message reference as fields ("Outbox", "ExternalRef").</summary>
    private static void StoreKeysOfEarlierVersions(LiteDatabase db)
    {
        var log = db.GetCollection(LiteChatLog.Collection);
        log.UpdateMany($"{{ {QueueKeys}: [$.Outbox] }}", "$.Outbox != null");
        log.UpdateMany($"{{ {RefKeys}: FILTER([$.{nameof(ChatLogEntry.Topic)}, $.ExternalRef] => @ != null) }}", $"$.{nameof(ChatLogEntry.Topic)} != null OR $.ExternalRef != null");
    }

    private static HashSet<string> IndexNames(LiteDatabase db) =>
        [.. db.GetCollection("$indexes").Find(Query.EQ("collection", LiteChatLog.Collection)).Select(i => i["name"].AsString)];

    /// <summary>
    /// Before queue places existed the outbox key was the channel's name alone. Such entries are older than any written
    /// since, and their ids keep their order: that is their place (every write moved the sequence on at least as far).
    /// </summary>
    private static readonly string[] ChannelsOfEarlierVersions = ["Web", "Telegram", "Zalo"];

    private static void PlaceQueuedEntriesOfEarlierVersions(ILiteCollection<ChatLogEntry> log)
    {
        foreach (var entry in log.Find(BsonExpression.Create($"$.{nameof(ChatLogEntry.Outbox)} IN @0", new BsonArray(ChannelsOfEarlierVersions.Select(n => new BsonValue(n))))).ToList())
        {
            entry.QueuePlace = entry.Id;
            log.Update(entry);
        }
    }
}
