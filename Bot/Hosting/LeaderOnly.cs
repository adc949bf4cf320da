namespace ChatPay.Bot.Hosting;

/// <summary>
/// Starts a background service when this instance leads: at once for the leader (and always with LiteDB), and on an
/// instance that waits, the moment it takes over — so the service starts as it would after a restart, reading what the
/// last leader left (messages in flight, deadlines passed).
/// </summary>
public sealed class LeaderOnly(IHostedService inner, ILeadership leadership, ILogger<LeaderOnly> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _waiting = Task.CompletedTask;
    private volatile bool _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (leadership.IsLeader) return Begin(cancellationToken);
        _waiting = Task.Run(async () =>
        {
            try
            {
                await leadership.AcquireAsync(_stopping.Token);
                await Begin(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Service} did not start after this instance took over", inner.GetType().Name);
            }
        });
        return Task.CompletedTask;
    }

    private async Task Begin(CancellationToken cancellationToken)
    {
        await inner.StartAsync(cancellationToken);
        _started = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _waiting;
        if (_started) await inner.StopAsync(cancellationToken);
    }
}
