namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>How the sandbox delivers its IPN, so tests and demos can exercise what a real gateway sometimes does.</summary>
public enum SandboxIpnMode
{
    /// <summary>At once, retried until acknowledged (VNPay's normal behaviour).</summary>
    Immediate,
    /// <summary>After Payments:Sandbox:IpnDelay, then retried.</summary>
    Late,
    /// <summary>At once, and once more even though acknowledged.</summary>
    Twice,
    /// <summary>Never: only the status query can tell ChatPay the result.</summary>
    Never,
}
