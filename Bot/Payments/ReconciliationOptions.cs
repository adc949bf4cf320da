using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Payments;

/// <summary>When ChatPay asks the gateway's status API about attempts whose result never arrived.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>How long after a link is opened without a result the gateway is first asked; later checks back off from it.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often due checks are looked for (a citizen's /baoloi is due at once).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long past a link's expiry an unanswered attempt keeps being asked about before support is told.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate()
    {
        if (Delay <= TimeSpan.Zero) yield return new ValidationResult("Payments:Reconciliation:Delay must be positive.");
        if (Interval < TimeSpan.FromMilliseconds(10) || Interval > TimeSpan.FromMinutes(5))
            yield return new ValidationResult("Payments:Reconciliation:Interval must be between 10 ms and 5 minutes.");
        if (GiveUpAfter < Delay) yield return new ValidationResult("Payments:Reconciliation:GiveUpAfter must be at least Delay.");
    }
}
