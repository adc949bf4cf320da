using ChatPay.Bot.Operations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Staff;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// Retention (<see cref="IRetention"/>) in SQL: the same rules as on LiteDB, as statements on the columns, each batch
/// its own short transaction so citizens' steps never wait behind a large one. Instances purging at once delete each
/// batch once (a row another instance is deleting is skipped, not waited for).
/// </summary>
public sealed class SqlRetention(ISqlStore store) : IRetention
{
    private const int Batch = 500;

    private string SkipLocked => store.Dialect.SkipLockedRows;

    private const string InProgress = "EXISTS (SELECT 1 FROM conversations c WHERE c.id = l.chat_key AND c.in_progress)";

    public RetentionReport PurgeBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => new(
        InBatches($"DELETE FROM chat_log WHERE id IN (SELECT id FROM chat_log l WHERE l.at < @cutoff AND l.queue_key IS NULL AND NOT {InProgress} " +
                  $"LIMIT {Batch}{SkipLocked})", cutoff, cancellationToken),
        // A conversation links a chat to a dossier: once it is over and older than the cutoff, it goes.
        InBatches($"DELETE FROM conversations WHERE id IN (SELECT id FROM conversations WHERE NOT in_progress AND updated_at < @cutoff LIMIT {Batch}{SkipLocked})",
            cutoff, cancellationToken),
        InBatches($"DELETE FROM inbox WHERE id IN (SELECT id FROM inbox WHERE at < @cutoff LIMIT {Batch}{SkipLocked})", cutoff, cancellationToken),
        InBatches($"DELETE FROM lookup_tallies WHERE id IN (SELECT id FROM lookup_tallies WHERE window_start < @cutoff LIMIT {Batch}{SkipLocked})",
            cutoff, cancellationToken),
        Blank("dossiers", $"paid_at < @cutoff AND {store.Dialect.Field(nameof(Dossier.ApplicantPhone))} IS NOT NULL",
            [nameof(Dossier.ApplicantPhone), nameof(Dossier.ApplicantPhoneHash)], ", phone_hash = NULL", cutoff, cancellationToken)
        // A phone notice whose sending never ended (the service was turned off since) forgets its number too.
        + Blank("phone_messages", $"queued_at < @cutoff AND {store.Dialect.Field(nameof(PhoneMessage.Phone))} IS NOT NULL", [nameof(PhoneMessage.Phone)], "", cutoff, cancellationToken),
        Blank("enrollment_audit", $"at < @cutoff AND {store.Dialect.Field(nameof(EnrollmentAttempt.SenderName))} IS NOT NULL", [nameof(EnrollmentAttempt.SenderName)], "",
            cutoff, cancellationToken),
        InBatches($"DELETE FROM portal_events WHERE id IN (SELECT id FROM portal_events WHERE delivered_at < @cutoff LIMIT {Batch}{SkipLocked})",
            cutoff, cancellationToken));

    /// <summary>Sets <paramref name="fields"/> of the matching documents to null (and <paramref name="alsoSet"/>), in batches.</summary>
    private int Blank(string table, string where, string[] fields, string alsoSet, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        return InBatches($"UPDATE {table} SET doc = {store.Dialect.WithNullFields(fields)}{alsoSet} WHERE id IN (SELECT id FROM {table} WHERE {where} LIMIT {Batch}{SkipLocked})",
            cutoff, cancellationToken);
    }

    private int InBatches(string statement, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = store.Step(session =>
            {
                using var command = session.Command(statement);
                command.Add("cutoff", cutoff.UtcDateTime);
                return command.ExecuteNonQuery();
            });
            if (changed == 0) return total;
            total += changed;
        }
    }
}
