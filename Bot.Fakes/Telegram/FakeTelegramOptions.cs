namespace ChatPay.Fakes.Telegram;

/// <summary>How the fake Telegram behaves; the flood limits default to Telegram's published guidance.</summary>
public sealed class FakeTelegramOptions
{
    /// <summary>The bot's token; its digits before ':' are the bot's user id, as with Telegram.</summary>
    public string Token { get; init; } = "123456:TEST-fake-token";

    public string BotUsername { get; init; } = "ChatPayTestBot";

    /// <summary>Refill rate of each chat's bucket (Telegram: about one message a second in one chat).</summary>
    public double PerChatPerSecond { get; init; } = 1;

    /// <summary>Capacity of each chat's bucket: the short burst Telegram tolerates.</summary>
    public int PerChatBurst { get; init; } = 3;

    /// <summary>Messages a minute in one group (chat id &lt; 0), also the group bucket's capacity.</summary>
    public int PerGroupPerMinute { get; init; } = 20;

    public double GlobalPerSecond { get; init; } = 30;

    public int GlobalBurst { get; init; } = 30;

    /// <summary>How long after a press answerCallbackQuery is still accepted.</summary>
    public TimeSpan CallbackAnswerWindow { get; init; } = TimeSpan.FromSeconds(15);
}
