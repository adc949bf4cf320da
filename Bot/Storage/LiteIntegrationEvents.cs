using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteIntegrationEvents(LiteDatabase db) : IIntegrationEvents
{
    public const string Collection = "portal_events";
    private readonly ILiteCollection<PortalEvent> _events = db.GetCollection<PortalEvent>(Collection);

    public void Publish(DossierPaid paid) => _events.Insert(new PortalEvent
    {
        Id = Guid.NewGuid().ToString("N"),
        Data = paid,
        CreatedAt = paid.PaidAt,
        NextAttemptAt = paid.PaidAt,
    });
}
