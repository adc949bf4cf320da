using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPay.Bot.Health;

public static class HealthSetup
{
    /// <summary>The checks every deployment has; each channel and adapter adds its own with <see cref="AddReachabilityCheck"/>.</summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Reachability>();
        builder.Services.AddHealthChecks()
            .AddCheck<OutboxHealthCheck>("outbox")
            .AddCheck("webchat", () => HealthCheckResult.Healthy("served by this process"))
            .AddCheck<LeadershipHealthCheck>("instance");
        return builder;
    }

    /// <summary>A check named after an outside service, fed by what its adapter reports to <see cref="Reachability"/>.</summary>
    public static IServiceCollection AddReachabilityCheck(this IServiceCollection services, string service)
    {
        services.AddHealthChecks().AddTypeActivatedCheck<ReachabilityHealthCheck>(service, service);
        return services;
    }

    /// <summary>/health: 200 while healthy or degraded, 503 when unhealthy, with a JSON report either way.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
