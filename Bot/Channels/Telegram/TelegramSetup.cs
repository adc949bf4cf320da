using ChatPay.Bot.Hosting;
using ChatPay.Bot.Channels.Outbox;
using ChatPay.Bot.Health;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Security;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Channels.Telegram;

public static class TelegramSetup
{
    /// <summary>The name Telegram's reachability is reported and checked under.</summary>
    public static string Service => OutboxDelivery.ServiceOf(TelegramChannel.Name);

    /// <summary>The Telegram channel, on when Telegram:BotToken is set.</summary>
    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!options.Enabled) return builder;

        var services = builder.Services;
        // One long-lived client, with connections renewed for DNS changes, and no HTTP logging: Bot API addresses carry the token.
        services.AddSingleton(sp => new TelegramBot(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), sp.GetRequiredService<IOptions<TelegramOptions>>()));
        services.AddSingleton(sp => new TelegramWebhookSecret(options.WebhookSecret.Length > 0
            ? options.WebhookSecret
            // 288 bits; "v2": a secret made before secrets had to be 32 characters long is not reused.
            : sp.GetRequiredService<HostSettings>().GetOrCreate("telegram.webhookSecret.v2", () => Secrets.NewToken() + Secrets.NewToken())));
        services.AddSingleton<TelegramInbound>();
        services.AddSingleton<IChannelDeepLink, TelegramDeepLink>();
        services.AddChannel<TelegramChannel>();
        services.AddHostedService<TelegramStartup>();
        if (options.Mode == TelegramMode.Polling) services.AddLeaderService<TelegramPolling>();
        return builder;
    }

    public static WebApplication MapTelegram(this WebApplication app)
    {
        if (app.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() is { Enabled: true, Mode: TelegramMode.Webhook })
            app.MapTelegramWebhook();
        return app;
    }
}
