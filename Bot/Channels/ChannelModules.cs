using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Channels.Zalo;

namespace ChatPay.Bot.Channels;

/// <summary>
/// The chat channels the host composes: each one's settings section (read and checked like every other section), how it
/// is added to the services, and how its endpoints are mapped. Adding a channel is its folder and one line here; its
/// delivery, health, metrics and crash recovery follow from its <c>AddChannel&lt;T&gt;()</c> inside.
/// </summary>
public static class ChannelModules
{
    public sealed record Module(string? Section, Type? Options, Action<WebApplicationBuilder> Add, Action<WebApplication> Map);

    public static readonly IReadOnlyList<Module> All =
    [
        new(null, null, builder => builder.AddWebChat(), app => app.MapWebChat()),
        new(TelegramOptions.Section, typeof(TelegramOptions), builder => builder.AddTelegram(), app => app.MapTelegram()),
        new(ZaloOptions.Section, typeof(ZaloOptions), builder => builder.AddZalo(), app => app.MapZalo()),
    ];
}
