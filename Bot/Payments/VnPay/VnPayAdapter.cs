using System.Net;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>
/// VNPay (or the embedded sandbox, which speaks its protocol) behind the gateway port. Starting needs no call: the
/// signed payment URL is built from the attempt, with the payer's address VNPay asks for. The reference is the attempt's id.
/// </summary>
public sealed class VnPayAdapter(VnPayMessages messages, VnPayStatusClient status, VnPayRefunds refunds, Domain.Storage.IChatPayStore store) : IPaymentGateway
{
    public const string GatewayName = "VnPay";

    /// <summary>The name its status API's reachability is reported and checked under (/health).</summary>
    public const string Service = "gateway";

    public string Name => GatewayName;

    public Task<GatewayStart> StartAsync(Payment payment, IPAddress? payer, CancellationToken cancellationToken) =>
        Task.FromResult<GatewayStart>(new GatewayStart.Started(new GatewayCheckout(payment.Id, messages.PaymentUrl(payment, payer))));

    public Task<GatewayStatus> QueryAsync(Payment payment, CancellationToken cancellationToken) => status.QueryAsync(payment, cancellationToken);

    public Task<RefundResult> RefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken) => refunds.RefundAsync(payment, refund, cancellationToken);

    public Task<RefundResult> QueryRefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken) =>
        refunds.QueryAsync(payment, refund, store.Read(session => session.Refunds.OfPayment(payment.Id).Count(r => r.Holds) == 1), cancellationToken);
}
