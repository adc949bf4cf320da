using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Portal;

public sealed class PortalWebhookService(PortalWebhook webhook, IOptions<PortalOptions> options, TimeProvider clock, ILogger<PortalWebhookService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await webhook.DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Portal webhook round failed; it will run again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
