using ChatPay.Bot.Hosting;
using ChatPay.Bot.Health;

namespace ChatPay.Bot.Portal;

public static class PortalSetup
{
    /// <summary>The name the portal webhook's reachability is reported and checked under.</summary>
    public const string Service = "portal";

    public static WebApplicationBuilder AddPortalWebhook(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() is { Enabled: true })
        {
            builder.Services.AddHttpClient<PortalWebhook>(http => http.Timeout = TimeSpan.FromSeconds(30));
            builder.Services.AddLeaderService<PortalWebhookService>();
            builder.Services.AddReachabilityCheck(Service);
        }
        return builder;
    }
}
