namespace ChatPay.Bot.Portal;

public static class PortalSetup
{
    public static WebApplicationBuilder AddPortalWebhook(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() is { Enabled: true })
        {
            builder.Services.AddHttpClient<PortalWebhook>(http => http.Timeout = TimeSpan.FromSeconds(30));
            builder.Services.AddHostedService<PortalWebhookService>();
        }
        return builder;
    }
}
