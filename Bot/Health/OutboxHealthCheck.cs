using ChatPay.Bot.Channels.Outbox;
using ChatPay.Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPay.Bot.Health;

/// <summary>Messages waiting to go out, per registered pushing channel, and how long the oldest has waited.</summary>
public sealed class OutboxHealthCheck(ChatOutbox outbox, IEnumerable<IChannel> channels, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var data = new Dictionary<string, object>();
        var oldestWait = TimeSpan.Zero;
        foreach (var channel in channels.Select(c => c.Channel))
        {
            var backlog = outbox.Backlog(channel);
            data[$"{channel.Name.ToLowerInvariant()}Backlog"] = backlog.Count;
            if (backlog.OldestAt is { } oldest && now - oldest > oldestWait) oldestWait = now - oldest;
        }
        data["oldestWaitSeconds"] = (int)oldestWait.TotalSeconds;
        var description = $"oldest message waiting {(int)oldestWait.TotalSeconds} s";
        return Task.FromResult(
            oldestWait >= StuckAfter ? HealthCheckResult.Unhealthy(description, data: data)
            : oldestWait >= LateAfter ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data));
    }
}
