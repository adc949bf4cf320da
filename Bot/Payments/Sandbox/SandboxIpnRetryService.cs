using ChatPay.Bot.Hosting;

namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>Retries unacknowledged sandbox IPNs on VNPay's schedule, including after a restart.</summary>
public sealed class SandboxIpnRetryService(
    SandboxBank bank, SandboxIpnSender sender, SandboxIpnTarget target, TimeProvider clock, ILogger<SandboxIpnRetryService> logger)
    : PeriodicService(TimeSpan.FromTicks(Math.Clamp(target.RetryInterval.Ticks / 5, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(30).Ticks)), clock, logger)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var transaction in bank.IpnsDue(target.MaxAttempts))
            await sender.DeliverAsync(transaction, cancellationToken);
    }
}
