using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.PostgreSql;

internal sealed class PgIntegrationEvents(PgSession session) : IIntegrationEvents
{
    private readonly PgTable<PortalEvent> _table = Table(session);

    /// <summary>The portal's events, with what their delivery is looked up by.</summary>
    public static PgTable<PortalEvent> Table(PgSession session) =>
        session.Table<PortalEvent>("portal_events", e => e.Id, ("next_attempt_at", e => e.NextAttemptAt), ("delivered_at", e => e.DeliveredAt));

    public void Publish(DossierPaid paid) => _table.Upsert(new PortalEvent { Id = Guid.NewGuid().ToString("N"), Data = paid, CreatedAt = paid.PaidAt, NextAttemptAt = paid.PaidAt });
}
