using ChatPay.Bot.Storage;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Staff;
using LiteDB;

namespace ChatPay.Bot.Operations;

/// <summary>Retention (<see cref="IRetention"/>) on LiteDB, in batches that each hold the write lock briefly.</summary>
public sealed class LiteRetention(LiteDbStore store) : IRetention
{
    // Small steps: a purge holds the write lock, and citizens' steps must not wait behind a large one.
    private const int Batch = 500;
    private static readonly BsonValue Earliest = new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    public RetentionReport PurgeBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var until = new BsonValue(cutoff.UtcDateTime);
        int messages = 0, kept = 0, conversations = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (seen, deleted, forgotten) = store.WriteDirect(db => PurgeMessages(db, cutoff, skip: kept));
            if (seen == 0) break;
            messages += deleted;
            conversations += forgotten;
            kept += seen - deleted;
        }

        return new RetentionReport(
            messages,
            conversations,
            PurgeOlder(LiteInbox.Collection, LiteInbox.SeenAt, until, cancellationToken),
            PurgeOlder(LiteLookupTallies.Collection, LiteLookupTallies.WindowStart, until, cancellationToken),
            Blank(LiteDossiers.Collection, $"$.{nameof(Dossier.PaidAt)} != null AND $.{nameof(Dossier.PaidAt)} < @0 AND $.{nameof(Dossier.ApplicantPhone)} != null",
                [nameof(Dossier.ApplicantPhone), nameof(Dossier.ApplicantPhoneHash)], until, cancellationToken)
            // A phone notice whose sending never ended (the service was turned off since) forgets its number too.
            + Blank(LitePhoneMessages.Collection, $"$.{nameof(PhoneMessage.QueuedAt)} < @0 AND $.{nameof(PhoneMessage.Phone)} != null",
                [nameof(PhoneMessage.Phone)], until, cancellationToken),
            Blank(LiteEnrollments.AuditCollection, $"$.{nameof(EnrollmentAttempt.At)} < @0 AND $.{nameof(EnrollmentAttempt.SenderName)} != null",
                [nameof(EnrollmentAttempt.SenderName)], until, cancellationToken),
            // LiteDB orders null below every date: "not delivered yet" must be excluded by name.
            Delete(LiteIntegrationEvents.Collection, $"$.{nameof(PortalEvent.DeliveredAt)} != null AND $.{nameof(PortalEvent.DeliveredAt)} < @0", until, cancellationToken));
    }

    /// <summary>Sets <paramref name="fields"/> to null, in batches, in the documents matching <paramref name="where"/>.</summary>
    private int Blank(string collection, string where, string[] fields, BsonValue until, CancellationToken cancellationToken) =>
        InBatches(collection, where, until, (documents, document) =>
        {
            foreach (var field in fields) document[field] = BsonValue.Null;
            documents.Update(document);
        }, cancellationToken);

    private int Delete(string collection, string where, BsonValue until, CancellationToken cancellationToken) =>
        InBatches(collection, where, until, (documents, document) => documents.Delete(document["_id"]), cancellationToken);

    /// <summary>
    /// Changes the matching documents in batches. They are found outside the write lock — without an index on the field
    /// the query reads the whole collection, and citizens' steps must not wait for that — and changed under it.
    /// </summary>
    private int InBatches(string collection, string where, BsonValue until, Action<ILiteCollection<BsonDocument>, BsonDocument> change, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = store.Collection<BsonDocument>(collection).Query().Where(where, until).Limit(Batch).ToList();
            if (found.Count == 0) return total;
            total += store.WriteDirect(db =>
            {
                var documents = db.GetCollection(collection);
                // Changed as it is now, not as it was read: a step may have written it meanwhile.
                foreach (var current in found.Select(document => documents.Get(document["_id"])).OfType<BsonDocument>()) change(documents, current);
                return found.Count;
            });
        }
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
    /// <remarks>
    /// A conversation that ended before the cutoff goes with its chat's old messages: it links the chat to a dossier,
    /// and a chat with nothing newer (a web chat opened and never used, say) leaves nothing behind.
    /// </remarks>
    private static (int Seen, int Deleted, int Conversations) PurgeMessages(LiteDatabase db, DateTimeOffset cutoff, int skip)
    {
        var log = db.GetCollection<ChatLogEntry>(LiteChatLog.Collection);
        var conversations = db.GetCollection<ConversationSnapshot>(LiteConversations.Collection);
        var old = log.Query().OrderBy("_id").Skip(skip).Limit(Batch).ToList().TakeWhile(e => e.At < cutoff).ToList();
        var states = old.Select(e => e.ChatKey).Distinct().ToDictionary(chat => chat, chat => conversations.Get(chat));
        var inProgress = states.Where(s => s.Value is { State: not (ConversationState.Idle or ConversationState.Done) }).Select(s => s.Key).ToHashSet();
        var gone = old.Where(e => e.Outbox is null && !inProgress.Contains(e.ChatKey)).ToList();
        foreach (var entry in gone) log.Delete(entry.Id);
        var forgotten = states.Values.OfType<ConversationSnapshot>().Where(c => !inProgress.Contains(c.ChatKey) && c.UpdatedAt < cutoff).ToList();
        foreach (var conversation in forgotten) conversations.Delete(conversation.ChatKey);
        return (old.Count, gone.Count, forgotten.Count);
    }

    private static int PurgeOlder(ILiteCollection<BsonDocument> collection, string field, BsonValue until)
    {
        var ids = collection.Query().Where($"$.{field} BETWEEN @0 AND @1", Earliest, until).Limit(Batch).ToList();
        foreach (var id in ids) collection.Delete(id["_id"]);
        return ids.Count;
    }
}
