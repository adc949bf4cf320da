using ChatPay.Bot.Hosting;
using ChatPay.Bot.Channels.Outbox;
using ChatPay.Bot.Channels.Zalo.Zns;
using ChatPay.Domain.Notices;

namespace ChatPay.Bot.Channels.Zalo;

public static class ZaloSetup
{
    /// <summary>The Zalo OA channel, on when its app, secrets and refresh token are configured.</summary>
    public static WebApplicationBuilder AddZalo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetSection(ZaloOptions.Section).Get<ZaloOptions>() is not { Enabled: true }) return builder;

        // No HTTP logging: token refresh bodies carry secrets.
        builder.Services.AddHttpClient<ZaloApi>(http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        builder.Services.AddSingleton<ZaloTokens>();
        builder.Services.AddHttpClient<ZaloImages>(http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        builder.Services.AddChannel<ZaloChannel>();
        if (builder.Configuration.GetSection(ZaloOptions.Section).Get<ZaloOptions>() is { Zns.Enabled: true })
        {
            builder.Services.AddHttpClient<ZnsClient>(http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
            builder.Services.AddLeaderService<ZnsSender>();
            // Notices reach applicants with no linked Zalo chat by ZNS.
            builder.Services.AddSingleton(new PhoneService(ZnsSender.Service, ZaloChannel.Name.Name));
        }
        return builder;
    }

    public static WebApplication MapZalo(this WebApplication app)
    {
        if (app.Configuration.GetSection(ZaloOptions.Section).Get<ZaloOptions>() is { Enabled: true }) app.MapZaloWebhook();
        return app;
    }
}
