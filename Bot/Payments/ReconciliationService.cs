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
    : BackgroundService
{
    private const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Reconciliation.Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reconciliation round failed; it will run again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Checks every attempt due now; returns how many were checked.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var checkedCount = 0;
        IReadOnlyList<Payment> due;
        do
        {
            due = reconciliation.DueChecks(Batch);
            foreach (var payment in due)
            {
                var status = await gateway.QueryAsync(payment, cancellationToken);
                reconciliation.Record(payment.Id, status);
                checkedCount++;
            }
        }
        while (due.Count == Batch);
        return checkedCount;
    }
}
