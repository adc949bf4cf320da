using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain.Payments;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments;

/// <summary>
/// Asks the gateway about every attempt whose check is due — an IPN that never came, or a citizen's /baoloi —
/// and hands each answer to the domain's reconciliation. Due times are stored, so a restart loses none.
/// </summary>
public sealed class ReconciliationService(
    Reconciliation reconciliation, VnPayStatusClient gateway, IOptions<PaymentsOptions> options, TimeProvider clock, ILogger<ReconciliationService> logger)
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
            foreach (var payment in due) reconciliation.Record(payment.Id, await gateway.QueryAsync(payment, cancellationToken));
        }
        while (due.Count == Batch);
    }
}
