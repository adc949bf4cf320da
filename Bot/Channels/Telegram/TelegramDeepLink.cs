namespace ChatPay.Bot.Channels.Telegram;

/// <summary>https://t.me/&lt;bot&gt;?start=&lt;token&gt;: Telegram opens the bot and sends it "/start &lt;token&gt;" at the person's first tap.</summary>
public sealed class TelegramDeepLink(TelegramBot telegram) : IChannelDeepLink
{
    public string Name => "telegram";

    public string? For(string token) => telegram.Username is { Length: > 0 } username ? $"https://t.me/{username}?start={token}" : null;
}
