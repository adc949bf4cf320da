using ChatPay.Bot.Hosting;
using ChatPay.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Operations;

/// <summary>Applies <see cref="StorageOptions.RetentionDays"/> every <see cref="StorageOptions.PurgeInterval"/>, with the store's <see cref="IRetention"/>.</summary>
public sealed class RetentionPurge(IRetention retention, IOptions<StorageOptions> options, TimeProvider clock, ILogger<RetentionPurge> logger)
    : PeriodicService(options.Value.PurgeInterval, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays == 0) return Task.CompletedTask;
        var purged = PurgeBefore(_clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        if (purged != default)
            logger.LogInformation("Retention past {Days} days: {Purged}", options.Value.RetentionDays, purged);
        return Task.CompletedTask;
    }

    public RetentionReport PurgeBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => retention.PurgeBefore(cutoff, cancellationToken);
}
