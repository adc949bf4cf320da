namespace ChatPay.Domain.Payments;

/// <summary>What the gateway's status API answered about one attempt.</summary>
public abstract record GatewayStatus
{
    private GatewayStatus() { }

    /// <summary>The gateway knows the attempt and reported its state (which may still be unfinished).</summary>
    public sealed record Reported(GatewayReport Report) : GatewayStatus;

    /// <summary>The gateway has no such transaction: the person never reached its payment step.</summary>
    public sealed record NotFound : GatewayStatus;

    /// <summary>No usable answer (network, signature, gateway error); ask again later.</summary>
    public sealed record Unavailable(string Reason) : GatewayStatus;
}
