using ChatPay.Bot.Health;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments;

/// <summary>How a gateway reached over its own JSON API (MoMo, ZaloPay) is added.</summary>
public static class WalletSetup
{
    /// <summary>Its options (checked at start), its adapter (a typed HTTP client, keyed by its name) and its /health check.</summary>
    public static void AddWallet<TAdapter, TOptions, TCheck>(this WebApplicationBuilder builder, string name, string section, string service)
        where TAdapter : class, IPaymentGateway
        where TOptions : class
        where TCheck : class, IValidateOptions<TOptions>
    {
        var services = builder.Services;
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TCheck>();
        // MoMo asks for a client timeout of at least 30 s; ZaloPay names none.
        services.AddHttpClient<TAdapter>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddKeyedTransient<IPaymentGateway>(name, (sp, _) => sp.GetRequiredService<TAdapter>());
        services.AddReachabilityCheck(service);
    }
}
