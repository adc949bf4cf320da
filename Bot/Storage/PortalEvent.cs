using ChatPay.Domain.Dossiers;

namespace ChatPay.Bot.Storage;

/// <summary>A "dossier paid" event waiting to be delivered to the portal's webhook, with its delivery state.</summary>
public sealed class PortalEvent
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "dossier.paid";
    public DossierPaid Data { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>When to try again; null once delivered.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}
