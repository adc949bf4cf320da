using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Support;
using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>How domain types map to LiteDB documents, without the domain knowing LiteDB.</summary>
internal static class ChatPayMapper
{
    public static BsonMapper Create() => Configure(new BsonMapper());

    /// <summary>Sets <paramref name="mapper"/> up as ChatPay maps its records (a subclass can watch what it builds: <see cref="Sql.DocumentJson"/>).</summary>
    public static TMapper Configure<TMapper>(TMapper mapper) where TMapper : BsonMapper
    {
        // LiteDB trims strings and turns empty ones into null by default; ChatPay stores text as given.
        mapper.TrimWhitespace = false;
        mapper.EmptyStringToNull = false;
        // LiteDB drops a DateTimeOffset's offset; store the UTC instant and read it back as UTC.
        mapper.RegisterType(
            serialize: value => new BsonValue(value.UtcDateTime),
            deserialize: bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));

        mapper.Entity<Dossier>().Id(d => d.Code, autoId: false);
        mapper.Entity<Payment>().Id(p => p.Id, autoId: false).Ignore(p => p.IsOpen).Ignore(p => p.IsUnsettled).Ignore(p => p.GatewayReference);
        mapper.Entity<SupportCase>().Id(c => c.Id, autoId: false).Ignore(c => c.IsOpen);
        mapper.Entity<Receipt>().Id(r => r.Id, autoId: false);
        mapper.Entity<ConversationSnapshot>().Id(c => c.ChatKey, autoId: false);
        mapper.Entity<Enrollment>().Id(e => e.Id, autoId: false);
        mapper.Entity<EnrollmentAttempt>().Id(e => e.Id, autoId: false);
        mapper.Entity<PortalEvent>().Id(e => e.Id, autoId: false);
        mapper.Entity<LookupTally>().Id(t => t.ChatKey, autoId: false);
        mapper.Entity<PayLink>().Id(l => l.Token, autoId: false);
        mapper.Entity<PhoneLink>().Id(l => l.ChatKey, autoId: false);
        mapper.Entity<PhoneMessage>().Id(m => m.Id, autoId: false);
        mapper.Entity<GatewayCheck>().Id(c => c.Id, autoId: false);
        mapper.Entity<Refund>().Id(r => r.Id, autoId: false).Ignore(r => r.Holds);
        mapper.Entity<FeeLine>().Ignore(f => f.KindLabel);
        // The queue key and the message reference are stored as the arrays the log's indexes read (see ChatLogIndexes).
        mapper.Entity<ChatLogEntry>().Id(e => e.Id, autoId: true).Ignore(e => e.Outbox).Ignore(e => e.ExternalRef);
        MapEveryPart(mapper, Records);
        return mapper;
    }

    /// <summary>The domain's records and the chat log: each a collection of its own in LiteDB, a table in SQL.</summary>
    public static readonly Type[] Records = [typeof(Dossier), typeof(Payment), typeof(SupportCase), typeof(Receipt), typeof(ConversationSnapshot), typeof(Enrollment),
        typeof(EnrollmentAttempt), typeof(PortalEvent), typeof(LookupTally), typeof(ChatLogEntry), typeof(PayLink), typeof(PhoneLink), typeof(PhoneMessage), typeof(GatewayCheck), typeof(Refund)];

    /// <summary>
    /// Builds the mapping of every type stored inside the root types now, on one thread. LiteDB publishes a type's
    /// mapping before it has finished building it, so two threads reading the first document with, say, a button
    /// could see it without its constructor and fail ("does not have a default constructor"): seen after restarts,
    /// when a delivery round and a poll read the chat log at once.
    /// </summary>
    public static void MapEveryPart(BsonMapper mapper, IEnumerable<Type> roots)
    {
        var entity = typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity))!;
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type)) continue;
            entity.MakeGenericMethod(type).Invoke(mapper, null);
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
                foreach (var part in PartsOf(property.PropertyType)) pending.Push(part);
        }
    }

    /// <summary>The types a property holds that map to documents of their own: classes and records, also as list elements.</summary>
    private static IEnumerable<Type> PartsOf(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type.IsGenericType ? type.GetGenericArguments() is [var only] ? only : null : type;
        if (element is null || element == typeof(string) || element.IsPrimitive || element.IsEnum || element.Namespace?.StartsWith("ChatPay", StringComparison.Ordinal) != true)
            return [];
        return [element];
    }
}
