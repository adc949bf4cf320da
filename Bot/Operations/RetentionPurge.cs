using ChatPay.Bot.Hosting;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Conversations;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Operations;

/// <summary>
/// Deletes chat history, remembered update ids and wrong-code tallies past <see cref="StorageOptions.RetentionDays"/>:
/// personal data is kept no longer than it is useful. Payments, receipts and support cases are financial records and stay. A message still waiting to be sent,
/// and every message of a conversation still in progress, stay until they are done.
/// </summary>
public sealed class RetentionPurge(LiteDbStore store, IOptions<StorageOptions> options, TimeProvider clock, ILogger<RetentionPurge> logger)
    : PeriodicService(options.Value.PurgeInterval, clock, logger)
{
    // Small steps: a purge holds the write lock, and citizens' steps must not wait behind a large one.
    private const int Batch = 500;
    private static readonly BsonValue Earliest = new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));
    private readonly TimeProvider _clock = clock;

    protected override Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays == 0) return Task.CompletedTask;
        var (messages, inboxKeys, tallies) = PurgeBefore(_clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        if (messages + inboxKeys + tallies > 0)
            logger.LogInformation("Retention: deleted {Messages} chat messages, {InboxKeys} remembered update ids and {Tallies} wrong-code tallies older than {Days} days",
                messages, inboxKeys, tallies, options.Value.RetentionDays);
        return Task.CompletedTask;
    }

    /// <summary>Deletes what is past retention at <paramref name="cutoff"/>; returns how many of each went.</summary>
    public (int Messages, int InboxKeys, int Tallies) PurgeBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var until = new BsonValue(cutoff.UtcDateTime);
        int messages = 0, kept = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (seen, deleted) = store.WriteDirect(db => PurgeMessages(db, cutoff, skip: kept));
            if (seen == 0) break;
            messages += deleted;
            kept += seen - deleted;
        }

        var inboxKeys = PurgeOlder(LiteInbox.Collection, LiteInbox.SeenAt, until, cancellationToken);
        var tallies = PurgeOlder(LiteLookupTallies.Collection, LiteLookupTallies.WindowStart, until, cancellationToken);
        return (messages, inboxKeys, tallies);
    }

    /// <summary>Deletes, in batches, the documents whose indexed <paramref name="field"/> is before <paramref name="until"/>.</summary>
    private int PurgeOlder(string collection, string field, BsonValue until, CancellationToken cancellationToken)
    {
        var purged = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var deleted = store.WriteDirect(db => PurgeOlder(db.GetCollection(collection), field, until));
            if (deleted == 0) return purged;
            purged += deleted;
        }
    }

    /// <summary>
    /// One batch of old messages: returns how many were looked at and how many of them were deleted. Messages are
    /// numbered as they are written, so the oldest come first in id order and the walk stops at the first recent one;
    /// no index on the time is kept (it would cost every message written).
    /// </summary>
    private static (int Seen, int Deleted) PurgeMessages(LiteDatabase db, DateTimeOffset cutoff, int skip)
    {
        var log = db.GetCollection<ChatLogEntry>(LiteChatLog.Collection);
        var conversations = db.GetCollection<ConversationSnapshot>(LiteConversations.Collection);
        var old = log.Query().OrderBy("_id").Skip(skip).Limit(Batch).ToList().TakeWhile(e => e.At < cutoff).ToList();
        var inProgress = old.Select(e => e.ChatKey).Distinct()
            .Where(chat => conversations.Get(chat) is { State: not (ConversationState.Idle or ConversationState.Done) }).ToHashSet();
        var gone = old.Where(e => e.Outbox is null && !inProgress.Contains(e.ChatKey)).ToList();
        foreach (var entry in gone) log.Delete(entry.Id);
        return (old.Count, gone.Count);
    }

    private static int PurgeOlder(ILiteCollection<BsonDocument> collection, string field, BsonValue until)
    {
        var ids = collection.Query().Where($"$.{field} BETWEEN @0 AND @1", Earliest, until).Limit(Batch).ToList();
        foreach (var id in ids) collection.Delete(id["_id"]);
        return ids.Count;
    }
}
