using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Payments;

/// <summary>
/// Follows a citizen's payment link: the attempt becomes pending when they go to the gateway. A gateway that takes
/// orders (MoMo, ZaloPay) is asked once, between <see cref="Find"/> and <see cref="Open"/>, outside any step; its
/// answer is kept, so a second click goes to the same order.
/// </summary>
public sealed class PaymentLinks(IChatPayStore store, TimeProvider clock, ChatPayRules rules)
{
    /// <summary>What the link finds, changing nothing.</summary>
    public LinkOpening Find(string token) => store.Read(session => Classify(session.Payments.FindByLinkToken(token), clock.GetUtcNow()));

    /// <summary>
    /// Opens the attempt, keeping <paramref name="checkout"/> unless it was started meanwhile (two clicks at once: the
    /// first answer kept wins). Checked again inside the step: the link may have closed since it was found.
    /// </summary>
    public LinkOpening Open(string token, GatewayCheckout checkout) => store.Write<LinkOpening>(session =>
    {
        var now = clock.GetUtcNow();
        var payment = session.Payments.FindByLinkToken(token);
        if (Classify(payment, now) is not LinkOpening.Ready) return Classify(payment, now);
        if (payment!.Checkout is not null && payment.State != PaymentState.Created) return new LinkOpening.Ready(payment);

        payment.Started(checkout);
        payment.Open(now, now + rules.Reconciliation.Delay);
        session.Payments.Save(payment);
        return new LinkOpening.Ready(payment);
    });

    private static LinkOpening Classify(Payment? payment, DateTimeOffset now)
    {
        if (payment is null) return new LinkOpening.Unknown();
        if (payment.State == PaymentState.Succeeded) return new LinkOpening.AlreadyPaid(payment);
        if (!payment.IsOpen || payment.ExpiresAt <= now) return new LinkOpening.Closed(payment);
        return new LinkOpening.Ready(payment);
    }
}
