using ChatPay.Bot.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPay.Bot.Health;

/// <summary>Whether this instance leads the background work or stands by to take it over (healthy either way).</summary>
public sealed class LeadershipHealthCheck(ILeadership leadership) : IHealthCheck
{
    public const string Leads = "leads: polls, sends the queues and runs the background work";
    public const string StandsBy = "stands by: serves requests, and takes the lead if the leader stops";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(leadership.IsLeader ? Leads : StandsBy));
}
