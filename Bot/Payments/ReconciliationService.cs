using ChatPay.Bot.Hosting;
using ChatPay.Domain.Payments;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments;

/// <summary>
/// Asks each attempt's gateway about every attempt whose check is due — a callback that never came, or a citizen's
/// /baoloi — and hands each answer to the domain's reconciliation. Due times are stored, so a restart loses none.
/// </summary>
public sealed class ReconciliationService(
    Reconciliation reconciliation, PaymentGateways gateways, IOptions<PaymentsOptions> options, TimeProvider clock, ILogger<ReconciliationService> logger)
    : PeriodicService(options.Value.Reconciliation.Interval, clock, logger)
{
    private const int Batch = 20;

    /// <summary>Checks every attempt due now.</summary>
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Payment> due;
        do
        {
            due = reconciliation.DueChecks(Batch);
            foreach (var payment in due)
            {
                // A gateway this deployment no longer offers cannot be asked: the attempt is checked again, then support is told.
                var status = gateways.For(payment) is { } gateway
                    ? await gateway.QueryAsync(payment, cancellationToken)
                    : new GatewayStatus.Unavailable($"{PaymentGateways.NameOf(payment)} is not offered");
                reconciliation.Record(payment.Id, status);
            }
        }
        while (due.Count == Batch);
    }
}
