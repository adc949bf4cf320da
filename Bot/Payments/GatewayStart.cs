using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

/// <summary>What a gateway answered when asked to start an attempt.</summary>
public abstract record GatewayStart
{
    private GatewayStart() { }

    /// <summary>The gateway took the order: send the person there.</summary>
    public sealed record Started(GatewayCheckout Checkout) : GatewayStart;

    /// <summary>It did not (unreachable, refused, a limit of its own); the person is told to try again or choose another way to pay.</summary>
    public sealed record Failed(string Reason) : GatewayStart;
}
