namespace ChatPay.Domain.Support;

/// <summary>Why a support case is open. A dossier has at most one open case for each reason, however many report it.</summary>
public enum SupportReason
{
    /// <summary>A citizen's /baoloi that the gateway could not settle.</summary>
    Reported,
    /// <summary>Money arrived that must go back (a second payment, or money for an amended or withdrawn request).</summary>
    Refund,
    /// <summary>The bank debited the citizen but the gateway reversed or holds the money.</summary>
    MoneyHeld,
    /// <summary>The gateway reported an amount other than the one asked.</summary>
    AmountMismatch,
    /// <summary>The gateway never answered about an attempt.</summary>
    GatewaySilent,
    /// <summary>The gateway reported success for an attempt it had reported failed.</summary>
    VerdictChanged,
}
