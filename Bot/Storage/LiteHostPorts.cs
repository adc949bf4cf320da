using ChatPay.Domain.Payments;
using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>The portal's event queue and the metrics' counts on LiteDB.</summary>
public sealed class LiteHostPorts(LiteDbStore store) : IPortalEventStore, IStoreStatistics
{
    public IReadOnlyList<PortalEvent> Due(DateTimeOffset now, int limit) =>
        DueQuery.Due(store.Collection<PortalEvent>(LiteIntegrationEvents.Collection), nameof(PortalEvent.NextAttemptAt), now, limit);

    public void Save(PortalEvent portalEvent) => store.WriteTo<PortalEvent>(LiteIntegrationEvents.Collection, c => c.Update(portalEvent));

    public int Payments(PaymentState state) =>
        store.Collection<Payment>(LitePayments.Collection).Count(BsonExpression.Create($"$.{nameof(Payment.State)} = @0", state.ToString()));
}
