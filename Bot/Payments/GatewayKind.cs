namespace ChatPay.Bot.Payments;

/// <summary>Payments:Gateway: whether money moves.</summary>
public enum GatewayKind
{
    /// <summary>The embedded sandbox speaks VNPay's protocol: no credentials, no real money; runs only with the demo.</summary>
    Sandbox,

    /// <summary>Every gateway whose section has credentials is offered; a start with none is refused.</summary>
    Live,

    /// <summary>The earlier name of <see cref="Live"/>, still accepted.</summary>
    VnPay = Live,
}
