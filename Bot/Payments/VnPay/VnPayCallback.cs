using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>A return or IPN call from VNPay: whether its signature holds, and what it reports.</summary>
public sealed record VnPayCallback(bool Authentic, GatewayReport? Report)
{
    public static readonly VnPayCallback Forged = new(false, null);
}
