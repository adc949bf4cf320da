using ChatPay.Domain.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPay.Bot.Storage;

public sealed class DatabaseHealthCheck(IHostStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var dossiers = store.Read(session => session.Dossiers.Count());
            return Task.FromResult(HealthCheckResult.Healthy($"{dossiers} dossiers", new Dictionary<string, object> { ["store"] = store.Provider.ToString() }));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The database cannot be read.", e));
        }
    }
}
