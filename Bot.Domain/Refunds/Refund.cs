namespace ChatPay.Domain.Refunds;

/// <summary>
/// Money going back to a payer, from one attempt: asked by one person, approved by another, then sent to the attempt's
/// gateway once (<see cref="Id"/> is the refund's own reference there), its answer recorded.
/// </summary>
public sealed class Refund
{
    /// <summary>"&lt;payment id&gt;-r&lt;n&gt;".</summary>
    public string Id { get; init; } = "";
    public string PaymentId { get; init; } = "";
    public string DossierCode { get; init; } = "";
    public string AgencyCode { get; init; } = "";
    public long Amount { get; init; }

    /// <summary>The whole of what was taken (VNPay's "02"), or a part ("03").</summary>
    public bool Full { get; init; }
    public string Reason { get; init; } = "";

    /// <summary>Who asked: a chat's key, or "api:&lt;key name&gt;"; and their name as shown to the approver.</summary>
    public string RequestedBy { get; init; } = "";
    public string RequesterName { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>The agency system's Idempotency-Key, for a request made through the API.</summary>
    public string? IdempotencyKey { get; init; }

    public string? ApprovedBy { get; set; }
    public string? ApproverName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public RefundState State { get; set; } = RefundState.AwaitingApproval;

    /// <summary>When to send it, or ask its status; null when nothing is to be done.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public int Attempts { get; set; }

    public string? GatewayCode { get; set; }
    public string? GatewayMessage { get; set; }
    public string? GatewayTransactionNo { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Counts against what may still be refunded of the attempt: everything but a refused or declined refund.</summary>
    public bool Holds => State is not (RefundState.Refused or RefundState.Declined);
}
