using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPay.Bot.Health;

/// <summary>
/// One outside service: healthy while its last call got an answer, degraded after a failure (the adapters retry),
/// unhealthy after <see cref="FailuresForUnhealthy"/> failures in a row with no answer for <see cref="SilenceForUnhealthy"/>.
/// </summary>
public sealed class ReachabilityHealthCheck(Reachability reachability, TimeProvider clock, string service) : IHealthCheck
{
    public const int FailuresForUnhealthy = 3;
    public static readonly TimeSpan SilenceForUnhealthy = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = reachability.Of(service);
        var data = new Dictionary<string, object>
        {
            ["lastAnswer"] = status.LastAnswer?.ToString("O") ?? "never",
            ["failuresInARow"] = status.FailuresInARow,
        };
        if (status.FailuresInARow == 0)
            return Task.FromResult(HealthCheckResult.Healthy(status.LastAnswer is null ? "not called yet" : "answering", data));

        data["lastError"] = status.LastError ?? "";
        var silentFor = clock.GetUtcNow() - (status.LastAnswer ?? DateTimeOffset.MinValue);
        var description = $"{status.FailuresInARow} failed calls in a row: {status.LastError}";
        return Task.FromResult(status.FailuresInARow >= FailuresForUnhealthy && silentFor >= SilenceForUnhealthy
            ? HealthCheckResult.Unhealthy(description, data: data)
            : HealthCheckResult.Degraded(description, data: data));
    }
}
