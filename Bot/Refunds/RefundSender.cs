using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Refunds;

/// <summary>
/// Sends approved refunds to their attempt's gateway, and asks about those whose answer was lost, every few seconds. A
/// refund is marked as sent in its own step before the call, so a crash during the call leads to a status query after
/// the restart, never to a second refund.
/// </summary>
public sealed class RefundSender(IChatPayStore store, PaymentGateways gateways, TimeProvider clock, ILogger<RefundSender> logger)
    : PeriodicService(TimeSpan.FromSeconds(2), clock, logger)
{
    private readonly RefundDesk _desk = new();
    private readonly TimeProvider _clock = clock;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var due in store.Read(session => session.Refunds.Due(_clock.GetUtcNow(), 20)))
        {
            var payment = store.Read(session => session.Payments.Find(due.PaymentId));
            var gateway = payment is null ? null : gateways.For(payment);
            var sending = due.State == RefundState.Approved;
            if (sending) store.Write(session =>
            {
                _desk.Sending(session, session.Refunds.Find(due.Id)!, _clock.GetUtcNow());
                return true;
            });
            RefundResult result = gateway is null || payment is null
                ? new RefundResult.Unsupported()
                : sending ? await gateway.RefundAsync(payment, due, cancellationToken) : await gateway.QueryRefundAsync(payment, due, cancellationToken);
            store.Write(session =>
            {
                _desk.Record(session, due.Id, result, _clock.GetUtcNow());
                return true;
            });
            logger.LogInformation("Refund {RefundId}: {Result}", due.Id, result.GetType().Name);
        }
    }
}
