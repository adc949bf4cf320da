using System.Net;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;

namespace ChatPay.Bot.Payments;

/// <summary>
/// A payment gateway as ChatPay uses it, whatever its protocol: start an attempt there, and ask what became of one.
/// Each adapter also maps its own callback endpoints, verifying them and answering in its own format, and hands what
/// they report to the domain's settlement through <see cref="GatewayCallbacks"/>. Registered as a keyed service under
/// its <see cref="Name"/> (see <see cref="GatewayModules"/>).
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The adapter's name: the key it is registered under, and a choice's <c>Gateway</c> in Payments:Banks.</summary>
    string Name { get; }

    /// <summary>Starts the attempt at the gateway; <paramref name="payer"/> is the address of the person who clicked its link.</summary>
    Task<GatewayStart> StartAsync(Payment payment, IPAddress? payer, CancellationToken cancellationToken);

    /// <summary>Asks the gateway's status API about the attempt; a signed answer about anything else is <see cref="GatewayStatus.Unavailable"/>.</summary>
    Task<GatewayStatus> QueryAsync(Payment payment, CancellationToken cancellationToken);

    /// <summary>Sends the refund once. A gateway whose API cannot refund answers <see cref="RefundResult.Unsupported"/> (support refunds by hand).</summary>
    Task<RefundResult> RefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken) =>
        Task.FromResult<RefundResult>(new RefundResult.Unsupported());

    /// <summary>What became of a refund whose answer was lost: <see cref="RefundResult.NotFound"/> only when the gateway surely never got it.</summary>
    Task<RefundResult> QueryRefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken) =>
        Task.FromResult<RefundResult>(new RefundResult.Unknown("cổng thanh toán không cho tra cứu hoàn tiền"));
}
