namespace ChatPay.Bot.Hosting;

public static class LeaderServices
{
    /// <summary>Adds a background service that runs on the leading instance only (<see cref="ILeadership"/>).</summary>
    public static IServiceCollection AddLeaderService<T>(this IServiceCollection services) where T : class, IHostedService
    {
        services.AddSingleton<T>();
        return services.AddLeaderService(sp => sp.GetRequiredService<T>());
    }

    /// <summary>Adds a background service made by <paramref name="create"/> that runs on the leading instance only.</summary>
    public static IServiceCollection AddLeaderService(this IServiceCollection services, Func<IServiceProvider, IHostedService> create) =>
        services.AddSingleton<IHostedService>(sp => new LeaderOnly(create(sp), sp.GetRequiredService<ILeadership>(), sp.GetRequiredService<ILogger<LeaderOnly>>()));
}
