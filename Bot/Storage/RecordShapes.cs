using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Support;

namespace ChatPay.Bot.Storage;

/// <summary>
/// What of a record is stored, said once for every store: LiteDB's mapper (<see cref="ChatPayMapper"/>) and the SQL stores'
/// JSON (<see cref="Sql.DocumentJson"/>) both follow it. A record's key is stored as <c>_id</c> (without an entry here: its
/// <c>Id</c>, or <c>&lt;Type&gt;Id</c>, as LiteDB decides); every other public property is stored under its own name,
/// computed ones included (the chat log's index keys), except the ones listed as not stored.
/// </summary>
internal static class RecordShapes
{
    /// <summary>The domain's records and the chat log: each a collection of its own in LiteDB, a table in SQL.</summary>
    public static readonly Type[] Records = [typeof(Dossier), typeof(Payment), typeof(SupportCase), typeof(Receipt), typeof(ConversationSnapshot), typeof(Enrollment),
        typeof(EnrollmentAttempt), typeof(PortalEvent), typeof(LookupTally), typeof(ChatLogEntry), typeof(PayLink), typeof(PhoneLink), typeof(PhoneMessage), typeof(GatewayCheck), typeof(Refund)];

    public static readonly IReadOnlyDictionary<Type, string> Keys = new Dictionary<Type, string>
    {
        [typeof(Dossier)] = nameof(Dossier.Code),
        [typeof(Payment)] = nameof(Payment.Id),
        [typeof(SupportCase)] = nameof(SupportCase.Id),
        [typeof(Receipt)] = nameof(Receipt.Id),
        [typeof(ConversationSnapshot)] = nameof(ConversationSnapshot.ChatKey),
        [typeof(Enrollment)] = nameof(Enrollment.Id),
        [typeof(EnrollmentAttempt)] = nameof(EnrollmentAttempt.Id),
        [typeof(PortalEvent)] = nameof(PortalEvent.Id),
        [typeof(LookupTally)] = nameof(LookupTally.ChatKey),
        [typeof(PayLink)] = nameof(PayLink.Token),
        [typeof(PhoneLink)] = nameof(PhoneLink.ChatKey),
        [typeof(PhoneMessage)] = nameof(PhoneMessage.Id),
        [typeof(GatewayCheck)] = nameof(GatewayCheck.Id),
        [typeof(Refund)] = nameof(Refund.Id),
    };

    /// <summary>Computed members that are not stored (the chat log's queue key and message reference are stored as arrays instead: see ChatLogIndexes).</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> NotStored = new Dictionary<Type, string[]>
    {
        [typeof(Payment)] = [nameof(Payment.IsOpen), nameof(Payment.IsUnsettled), nameof(Payment.GatewayReference)],
        [typeof(SupportCase)] = [nameof(SupportCase.IsOpen)],
        [typeof(Refund)] = [nameof(Refund.Holds)],
        [typeof(FeeLine)] = [nameof(FeeLine.KindLabel)],
        [typeof(ChatLogEntry)] = [nameof(ChatLogEntry.Outbox), nameof(ChatLogEntry.ExternalRef)],
    };

    /// <summary>The property stored as <c>_id</c>: the one named here, else <c>Id</c>, else <c>&lt;Type&gt;Id</c> (LiteDB's rule), else none.</summary>
    public static string? KeyOf(Type type) => Keys.GetValueOrDefault(type)
        ?? type.GetProperties().Select(p => p.Name).FirstOrDefault(n => n.Equals("Id", StringComparison.OrdinalIgnoreCase))
        ?? type.GetProperties().Select(p => p.Name).FirstOrDefault(n => n.Equals(type.Name + "Id", StringComparison.OrdinalIgnoreCase));
}
