namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>Retries unacknowledged sandbox IPNs on VNPay's schedule, including after a restart.</summary>
public sealed class SandboxIpnRetryService(
    SandboxBank bank, SandboxIpnSender sender, SandboxIpnTarget target, TimeProvider clock, ILogger<SandboxIpnRetryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromTicks(Math.Clamp(target.RetryInterval.Ticks / 5, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(30).Ticks));
        using var timer = new PeriodicTimer(tick, clock);
        do
        {
            try
            {
                foreach (var transaction in bank.IpnsDue(target.MaxAttempts))
                    await sender.DeliverAsync(transaction, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sandbox IPN retry round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
