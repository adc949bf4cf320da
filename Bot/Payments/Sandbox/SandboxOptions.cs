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
}
