using ChatPay.Domain.Deadlines;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Conversations;

/// <summary>Runs the deadline sweep at start-up (catching up on anything due while the bot was down) and then periodically.</summary>
public sealed class DeadlineService(DeadlineSweep sweep, IOptions<ConversationsOptions> options, TimeProvider clock, ILogger<DeadlineService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                var handled = sweep.Run();
                if (handled > 0) logger.LogInformation("Acted on {Count} passed deadlines", handled);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Deadline sweep failed; it will run again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
