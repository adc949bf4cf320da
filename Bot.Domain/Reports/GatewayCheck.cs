using ChatPay.Domain.Payments;

namespace ChatPay.Domain.Reports;

/// <summary>
/// What the gateway's status API said of one attempt when the day's reconciliation asked. Stored, so a run stopped half
/// way resumes where it was and a report of a past day never changes silently.
/// </summary>
public sealed class GatewayCheck
{
    /// <summary>"yyyy-MM-dd:&lt;payment id&gt;".</summary>
    public string Id { get; init; } = "";
    public string Day { get; init; } = "";
    public string PaymentId { get; init; } = "";
    public GatewayOutcome Outcome { get; init; }
    public string Says { get; init; } = "";
    public DateTimeOffset CheckedAt { get; init; }

    public static string IdFor(DateOnly day, string paymentId) => $"{day:yyyy-MM-dd}:{paymentId}";
}
