using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.PostgreSql;

internal sealed class PgIntegrationEvents(PgSession session) : IIntegrationEvents
{
    private readonly PgTable<PortalEvent> _table = session.Table<PortalEvent>("portal_events", e => e.Id, ("next_attempt_at", e => e.NextAttemptAt));

    public void Publish(DossierPaid paid) => _table.Upsert(new PortalEvent { Id = Guid.NewGuid().ToString("N"), Data = paid, CreatedAt = paid.PaidAt, NextAttemptAt = paid.PaidAt });
}
