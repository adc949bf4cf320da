using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlIntegrationEvents(SqlSession session) : IIntegrationEvents
{
    private readonly SqlTable<PortalEvent> _table = Table(session);

    /// <summary>The portal's events, with what their delivery is looked up by.</summary>
    public static SqlTable<PortalEvent> Table(SqlSession session) =>
        session.Table<PortalEvent>("portal_events", e => e.Id, ("next_attempt_at", e => e.NextAttemptAt), ("delivered_at", e => e.DeliveredAt));

    public void Publish(DossierPaid paid) => _table.Upsert(new PortalEvent { Id = Guid.NewGuid().ToString("N"), Data = paid, CreatedAt = paid.PaidAt, NextAttemptAt = paid.PaidAt });
}
