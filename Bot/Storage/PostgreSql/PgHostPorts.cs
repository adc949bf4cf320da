using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>The portal's event queue and the metrics' counts on PostgreSQL.</summary>
public sealed class PgHostPorts(PgStore store) : IPortalEventStore, IStoreStatistics
{
    public IReadOnlyList<PortalEvent> Due(DateTimeOffset now, int limit) => store.Query(session => PgIntegrationEvents.Table(session).Due("next_attempt_at", now, limit));

    public void Save(PortalEvent portalEvent) => store.Step(session =>
    {
        PgIntegrationEvents.Table(session).Upsert(portalEvent);
        return true;
    });

    public int Payments(PaymentState state) => store.Query(session =>
    {
        using var command = session.Command("SELECT count(*) FROM payments WHERE state = @state");
        command.Parameters.AddWithValue("state", state.ToString());
        return Convert.ToInt32(command.ExecuteScalar());
    });
}
