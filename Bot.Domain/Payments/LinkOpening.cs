namespace ChatPay.Domain.Payments;

/// <summary>What a click on a payment link finds.</summary>
public abstract record LinkOpening
{
    private LinkOpening() { }

    /// <summary>The attempt is open: send the person to the gateway (to its <see cref="Payment.Checkout"/>, once it has one).</summary>
    public sealed record Ready(Payment Payment) : LinkOpening;

    public sealed record AlreadyPaid(Payment Payment) : LinkOpening;

    /// <summary>Expired, cancelled, failed or replaced: the person should ask the chat for a new link.</summary>
    public sealed record Closed(Payment Payment) : LinkOpening;

    public sealed record Unknown : LinkOpening;
}
