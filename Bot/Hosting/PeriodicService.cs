namespace ChatPay.Bot.Hosting;

/// <summary>
/// Background work done at start-up (catching up on whatever fell due while the bot was down) and then every
/// interval. A failed round is logged and the next one runs as usual.
/// </summary>
public abstract class PeriodicService(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Service} round failed; it will run again", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
