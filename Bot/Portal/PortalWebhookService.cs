using ChatPay.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Portal;

public sealed class PortalWebhookService(PortalWebhook webhook, IOptions<PortalOptions> options, TimeProvider clock, ILogger<PortalWebhookService> logger)
    : PeriodicService(options.Value.Interval, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => webhook.DeliverDueAsync(cancellationToken);
}
