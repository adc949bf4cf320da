using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>The embedded VNPay sandbox, used when Payments:Gateway is Sandbox.</summary>
public sealed class SandboxOptions
{
    /// <summary>Where the sandbox sends its IPN; empty means this bot's own /payments/vnpay/ipn.</summary>
    public string IpnUrl { get; set; } = "";

    /// <summary>Time between IPN retries while the merchant has not answered 00 or 02 (VNPay: 5 minutes).</summary>
    public TimeSpan IpnRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>IPN calls per transaction at most (VNPay: 10).</summary>
    public int IpnMaxAttempts { get; set; } = 10;

    /// <summary>Immediate (VNPay's behaviour), Late, Twice or Never.</summary>
    public SandboxIpnMode IpnMode { get; set; } = SandboxIpnMode.Immediate;

    /// <summary>How late the first IPN comes in Late mode.</summary>
    public TimeSpan IpnDelay { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate()
    {
        if (IpnMaxAttempts is < 1 or > 100) yield return new ValidationResult("Payments:Sandbox:IpnMaxAttempts must be between 1 and 100.");
        if (IpnRetryInterval < TimeSpan.FromMilliseconds(10)) yield return new ValidationResult("Payments:Sandbox:IpnRetryInterval must be at least 10 ms.");
        if (IpnDelay < TimeSpan.Zero) yield return new ValidationResult("Payments:Sandbox:IpnDelay cannot be negative.");
    }
}
