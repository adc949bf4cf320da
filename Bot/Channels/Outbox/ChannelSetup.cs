using ChatPay.Bot.Hosting;
using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;

namespace ChatPay.Bot.Channels.Outbox;

public static class ChannelSetup
{
    /// <summary>
    /// Adds a channel ChatPay pushes messages to: its adapter, a delivery engine serving its queue, and a reachability check
    /// named after it. Health, metrics and the outbox read the channels from these registrations.
    /// </summary>
    public static IServiceCollection AddChannel<T>(this IServiceCollection services) where T : class, IChannel, INamedChannel
    {
        services.AddSingleton<T>();
        services.AddSingleton<IChannel>(sp => sp.GetRequiredService<T>());
        // One engine per channel: a hosted service of its own, so AddHostedService's one-per-type rule does not apply.
        services.AddLeaderService(sp => new OutboxDelivery(sp.GetRequiredService<T>(), sp.GetRequiredService<ChatOutbox>(),
            sp.GetRequiredService<ChatSignal>(), sp.GetRequiredService<Reachability>(), sp.GetRequiredService<ChatPayMetrics>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OutboxDelivery>>()));
        services.AddReachabilityCheck(OutboxDelivery.ServiceOf(T.Name));
        return services;
    }
}
