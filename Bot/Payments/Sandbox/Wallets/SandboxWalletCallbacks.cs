using ChatPay.Bot.Hosting;

namespace ChatPay.Bot.Payments.Sandbox.Wallets;

/// <summary>
/// Calls the merchant back about finished wallet orders as the wallets do: at once, then again while it does not
/// acknowledge, <see cref="MaxAttempts"/> calls in all (ZaloPay: the first and at most 3 more; MoMo documents none),
/// <c>Payments:Sandbox:IpnRetryInterval</c> apart. <c>Payments:Sandbox:IpnMode</c> Late and Never apply as to VNPay's IPN.
/// </summary>
public sealed class SandboxWalletCallbacks(IEnumerable<ISandboxWallet> wallets, SandboxWalletOrders orders, SandboxIpnTarget target, TimeProvider clock)
{
    public const int MaxAttempts = 4;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ISandboxWallet? Wallet(string name) => wallets.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>When the first call is due after the person finished.</summary>
    public DateTimeOffset? FirstCallAt(DateTimeOffset finished) => target.Mode switch
    {
        SandboxIpnMode.Never => null,
        SandboxIpnMode.Late => finished + target.Delay,
        _ => finished,
    };

    /// <summary>Makes one call if the order's is due and unacknowledged; returns whether it is acknowledged now.</summary>
    public async Task<bool> DeliverAsync(SandboxWalletOrder order, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = orders.Find(order.Wallet, order.OrderId) ?? order;
            if (current.CallbackAcknowledged) return true;
            if (current.NextCallbackAt is not { } due || due > clock.GetUtcNow() || current.CallbackAttempts >= MaxAttempts || Wallet(current.Wallet) is not { } wallet)
                return false;
            current.CallbackAttempts++;
            current.CallbackAcknowledged = await wallet.CallBackAsync(current, cancellationToken);
            current.NextCallbackAt = current.CallbackAcknowledged ? null : clock.GetUtcNow() + target.RetryInterval;
            orders.Save(current);
            return current.CallbackAcknowledged;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Retries the wallets' unacknowledged callbacks on schedule, including after a restart.</summary>
public sealed class SandboxWalletRetryService(
    SandboxWalletOrders orders, SandboxWalletCallbacks callbacks, SandboxIpnTarget target, TimeProvider clock, ILogger<SandboxWalletRetryService> logger)
    : PeriodicService(TimeSpan.FromTicks(Math.Clamp(target.RetryInterval.Ticks / 5, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(30).Ticks)), clock, logger)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var order in orders.CallbacksDue(SandboxWalletCallbacks.MaxAttempts))
            await callbacks.DeliverAsync(order, cancellationToken);
    }
}
