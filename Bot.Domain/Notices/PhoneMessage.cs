namespace ChatPay.Domain.Notices;

/// <summary>
/// A notice sent by phone number rather than to a chat (Zalo's ZNS template message) to an applicant who linked no chat
/// in that app. Queued in the step that makes the request, sent after it by the adapter, its outcome recorded. Never sent
/// twice: an answer lost on the way is "unknown", not retried blindly. The number is kept only until the outcome is known.
/// </summary>
public sealed class PhoneMessage
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Unknown = "unknown";
    public const string Delivered = "delivered";

    /// <summary>"&lt;dossier code&gt;-v&lt;request version&gt;": one per request, also the service's tracking id.</summary>
    public string Id { get; init; } = "";
    public string DossierCode { get; init; } = "";
    public int RequestVersion { get; init; }

    /// <summary>The applicant's number in "84…" form; null once the outcome is known.</summary>
    public string? Phone { get; set; }

    public long Amount { get; init; }

    /// <summary>The request's one-tap link token, for the message's button.</summary>
    public string LinkToken { get; init; } = "";

    /// <summary>The service that sends it ("ZNS").</summary>
    public string Service { get; init; } = "";

    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>When to (re)try; null once the outcome is final.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public int Attempts { get; set; }
    public string Outcome { get; set; } = Queued;
    public string? Reason { get; set; }
    public string? MessageId { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public static string IdFor(string dossierCode, int requestVersion) => $"{dossierCode}-v{requestVersion}";

    /// <summary>The service's receipt: the person's phone got it (only a sent message can be delivered).</summary>
    public void DeliveredAt(DateTimeOffset at)
    {
        if (Outcome is not (Sent or Unknown)) return;
        Outcome = Delivered;
        FinishedAt = at;
    }

    /// <summary>The outcome is known: the number is forgotten (it was only needed to send).</summary>
    public void Finish(string outcome, string? reason, string? messageId, DateTimeOffset at)
    {
        Outcome = outcome;
        Reason = reason;
        MessageId = messageId;
        FinishedAt = at;
        NextAttemptAt = null;
        Phone = null;
    }
}
