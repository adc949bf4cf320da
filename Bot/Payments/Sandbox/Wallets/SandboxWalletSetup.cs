using ChatPay.Bot.Hosting;
using ChatPay.Bot.Storage;

namespace ChatPay.Bot.Payments.Sandbox.Wallets;

/// <summary>How a wallet is played by the embedded sandbox, when the sandbox runs and its section names no merchant of its own.</summary>
public static class SandboxWalletSetup
{
    public static bool Embedded(IConfiguration configuration, string merchantKey) =>
        PaymentsSetup.Kind(configuration) == GatewayKind.Sandbox && !GatewayModules.HasValue(configuration, merchantKey);

    /// <summary>
    /// The sandbox's side of the wallet, and the wallet's adapter pointed at it with credentials made once and kept (so
    /// callbacks signed before a restart still verify after it), as the VNPay sandbox's are.
    /// </summary>
    public static void AddWalletSandbox<TSandbox, TOptions>(this WebApplicationBuilder builder, Action<TOptions, Func<string, string>, AppLinks> credentials)
        where TSandbox : class, ISandboxWallet
        where TOptions : class
    {
        var services = builder.Services;
        services.AddHttpClient<TSandbox>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddTransient<ISandboxWallet>(sp => sp.GetRequiredService<TSandbox>());
        services.AddOptions<TOptions>().PostConfigure<HostSettings, AppLinks>((options, settings, links) =>
            credentials(options, key => settings.GetOrCreate($"sandbox.{typeof(TSandbox).Name}.{key}", Domain.Security.Secrets.NewToken), links));
    }

    /// <summary>What every wallet the sandbox plays shares: its orders, its callbacks and their retries (added once, with the sandbox).</summary>
    public static IServiceCollection AddWalletSandboxes(this IServiceCollection services)
    {
        services.AddSingleton<SandboxWalletOrders>();
        services.AddSingleton<SandboxWalletCallbacks>();
        services.AddLeaderService<SandboxWalletRetryService>();
        return services;
    }
}
