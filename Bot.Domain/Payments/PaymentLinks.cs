using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Payments;

/// <summary>Follows a citizen's payment link: the attempt becomes pending when they go to the gateway.</summary>
public sealed class PaymentLinks(IChatPayStore store, TimeProvider clock, ChatPayRules rules)
{
    public LinkOpening Open(string token) => store.Write<LinkOpening>(session =>
    {
        var payment = session.Payments.FindByLinkToken(token);
        if (payment is null) return new LinkOpening.Unknown();
        if (payment.State == PaymentState.Succeeded) return new LinkOpening.AlreadyPaid(payment);

        var now = clock.GetUtcNow();
        if (!payment.IsOpen || payment.ExpiresAt <= now) return new LinkOpening.Closed(payment);

        payment.Open(now, now + rules.Reconciliation.Delay);
        session.Payments.Save(payment);
        return new LinkOpening.Ready(payment);
    });
}
