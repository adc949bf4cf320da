using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>The portal's event queue and the metrics' counts in SQL.</summary>
public sealed class SqlHostPorts(ISqlStore store) : IPortalEventStore, IStoreStatistics
{
    public IReadOnlyList<PortalEvent> Due(DateTimeOffset now, int limit) => store.Query(session => SqlIntegrationEvents.Table(session).Due("next_attempt_at", now, limit));

    public void Save(PortalEvent portalEvent) => store.Step(session =>
    {
        SqlIntegrationEvents.Table(session).Upsert(portalEvent);
        return true;
    });

    public int Payments(PaymentState state) => store.Query(session =>
    {
        using var command = session.Command("SELECT count(*) FROM payments WHERE state = @state");
        command.Add("state", state.ToString());
        return Convert.ToInt32(command.ExecuteScalar());
    });
}
