using ChatPay.Bot.Hosting;
namespace ChatPay.Bot.Operations;

public static class OperationsSetup
{
    /// <summary>What keeps a deployment running: online backup, retention, metrics.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddLeaderService<RetentionPurge>();
        builder.Services.AddSingleton<ChatPayMetrics>();
        return builder;
    }

    /// <summary>Creates the instruments now, so the gauges are there for a listener before the first message arrives.</summary>
    public static WebApplication StartMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<ChatPayMetrics>();
        return app;
    }
}
