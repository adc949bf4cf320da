using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Support;
using LiteDB;
using LiteJson = LiteDB.JsonSerializer;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// Copies a province's LiteDB database into an empty SQL one (PostgreSQL, to move from one process to several; SQLite): every domain
/// record through the same ports the steps use (so each gets its columns), the chat log with its numbers, the receipt
/// counters, and every other collection as records of its name. One transaction: all of it or nothing.
/// </summary>
public static class LiteDbCopy
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/>; returns how many documents of each collection went.</summary>
    public static IReadOnlyDictionary<string, int> Run(LiteDbStore source, ISqlStore target) => target.Step(session =>
    {
        if (session.Dossiers.Count() > 0 || Scalar(session, "SELECT count(*) FROM chat_log") > 0)
            throw new InvalidOperationException("The target database already holds ChatPay's data: copy into an empty database.");
        var copied = new Dictionary<string, int>();
        void Copy<T>(string collection, Action<T> save)
        {
            var count = 0;
            foreach (var item in source.Collection<T>(collection).FindAll())
            {
                save(item);
                count++;
            }
            copied[collection] = count;
        }

        Copy<Dossier>(LiteDossiers.Collection, session.Dossiers.Save);
        Copy<Payment>(LitePayments.Collection, session.Payments.Save);
        Copy<Receipt>(LiteReceipts.Collection, session.Receipts.Add);
        Copy<ConversationSnapshot>(LiteConversations.Collection, session.Conversations.Save);
        Copy<Enrollment>(LiteEnrollments.Collection, session.Enrollments.Save);
        Copy<EnrollmentAttempt>(LiteEnrollments.AuditCollection, session.Enrollments.Audit);
        Copy<SupportCase>(LiteSupportCases.Collection, session.SupportCases.Save);
        Copy<LookupTally>(LiteLookupTallies.Collection, session.LookupTallies.Save);
        Copy<PayLink>(LitePayLinks.Collection, session.PayLinks.Save);
        Copy<PhoneLink>(LitePhoneLinks.Collection, session.PhoneLinks.Save);
        Copy<PhoneMessage>(LitePhoneMessages.Collection, session.PhoneMessages.Save);
        Copy<GatewayCheck>(LiteGatewayChecks.Collection, session.GatewayChecks.Save);
        Copy<Refund>(LiteRefunds.Collection, session.Refunds.Save);
        Copy<PortalEvent>(LiteIntegrationEvents.Collection, SqlIntegrationEvents.Table(session).Upsert);
        Copy<BsonDocument>(LiteInbox.Collection, seen => session.Inbox.FirstTime(seen["_id"].AsString, Instant(seen[LiteInbox.SeenAt])));
        Copy<BsonDocument>(LiteReceipts.CountersCollection, counter => Execute(session, "INSERT INTO receipt_counters (id, last) VALUES (@p0, @p1)",
            counter["_id"].RawValue.ToString(), counter["last"].AsInt32));

        // The log keeps its ids and numbers (buttons and the web chat refer to them); the sequence goes on after the highest.
        var highest = ChatLogIndexes.LastSeq(source);
        Copy<ChatLogEntry>(LiteChatLog.Collection, entry =>
        {
            SqlChatLogRows.Save(session, entry);
            highest = Math.Max(highest, Math.Max(entry.Id, entry.Seq));
        });
        if (highest > 0) Scalar(session, session.Dialect.SetChatLogNumber(highest));

        var known = copied.Keys.Append(ChatLogIndexes.StateCollection).ToHashSet();
        foreach (var other in source.CollectionNames().Where(name => !known.Contains(name)).Order())
            Copy<BsonDocument>(other, record => Execute(session, "INSERT INTO records (kind, id, doc) VALUES (@p0, @p1, @doc)",
                other, record["_id"].RawValue.ToString(), new Document(LiteJson.Serialize(record))));
        return copied;
    });

    private readonly record struct Document(string Json);

    private static DateTimeOffset Instant(BsonValue value) => new(value.AsDateTime.ToUniversalTime());

    private static long Scalar(SqlSession session, string sql)
    {
        using var command = session.Command(sql);
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void Execute(SqlSession session, string sql, params object?[] values)
    {
        using var command = session.Command(sql);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is Document document) session.AddDocument(command, document.Json);
            else command.Add($"p{i}", SqlSession.Value(values[i]));
        }
        command.ExecuteNonQuery();
    }
}
