using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPay.Bot.Health;

/// <summary>Messages waiting to go out, per pushing channel, and how long the oldest has waited.</summary>
public sealed class OutboxHealthCheck(ChatOutbox outbox, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var data = new Dictionary<string, object>();
        var oldestWait = TimeSpan.Zero;
        foreach (var channel in (ChatChannel[])[ChatChannel.Telegram, ChatChannel.Zalo])
        {
            var backlog = outbox.Backlog(channel);
            data[$"{channel.ToString().ToLowerInvariant()}Backlog"] = backlog.Count;
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
