using ChatPay.Bot.Hosting;
using ChatPay.Domain.Deadlines;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Conversations;

/// <summary>Acts on passed deadlines: expired links, idle conversations, unclaimed paid dossiers.</summary>
public sealed class DeadlineService(DeadlineSweep sweep, IOptions<ConversationsOptions> options, TimeProvider clock, ILogger<DeadlineService> logger)
    : PeriodicService(options.Value.SweepInterval, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var handled = sweep.Run();
        if (handled > 0) logger.LogInformation("Acted on {Count} passed deadlines", handled);
        return Task.CompletedTask;
    }
}
