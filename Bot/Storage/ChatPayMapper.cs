using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Support;
using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>How domain types map to LiteDB documents, without the domain knowing LiteDB.</summary>
internal static class ChatPayMapper
{
    public static BsonMapper Create()
    {
        // LiteDB trims strings and turns empty ones into null by default; ChatPay stores text as given.
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false };
        // LiteDB drops a DateTimeOffset's offset; store the UTC instant and read it back as UTC.
        mapper.RegisterType(
            serialize: value => new BsonValue(value.UtcDateTime),
            deserialize: bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));

        mapper.Entity<Dossier>().Id(d => d.Code, autoId: false);
        mapper.Entity<Payment>().Id(p => p.Id, autoId: false).Ignore(p => p.IsOpen).Ignore(p => p.IsUnsettled);
        mapper.Entity<SupportCase>().Id(c => c.Id, autoId: false).Ignore(c => c.IsOpen);
        mapper.Entity<Receipt>().Id(r => r.Id, autoId: false);
        mapper.Entity<ConversationSnapshot>().Id(c => c.ChatKey, autoId: false);
        mapper.Entity<Enrollment>().Id(e => e.Id, autoId: false);
        mapper.Entity<EnrollmentAttempt>().Id(e => e.Id, autoId: false);
        mapper.Entity<PortalEvent>().Id(e => e.Id, autoId: false);
        mapper.Entity<LookupTally>().Id(t => t.ChatKey, autoId: false);
        mapper.Entity<FeeLine>().Ignore(f => f.KindLabel);
        mapper.Entity<ChatLogEntry>().Id(e => e.Id, autoId: true);
        return mapper;
    }
}
