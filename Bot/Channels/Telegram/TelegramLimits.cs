using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>Telegram's guidance on sending: about 1 message a second in a chat, 20 a minute in a group, 30 a second overall.</summary>
public sealed class TelegramLimits
{
    public double PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages a chat may get at once before the per-second pace applies (a reply and an edit, say).</summary>
    public int PerChatBurst { get; set; } = 3;

    public int PerGroupPerMinute { get; set; } = 20;

    public double GlobalPerSecond { get; set; } = 30;

    public int GlobalBurst { get; set; } = 30;

    /// <summary>Pending "paid" alerts for one chat are combined into one message of at most this many.</summary>
    public int MaxAlertsPerMessage { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate()
    {
        if (PerChatPerSecond <= 0 || GlobalPerSecond <= 0 || PerGroupPerMinute <= 0)
            yield return new ValidationResult("Telegram:Limits rates must be positive.");
        if (PerChatBurst < 1 || GlobalBurst < 1) yield return new ValidationResult("Telegram:Limits bursts must be at least 1.");
        if (MaxAlertsPerMessage is < 1 or > 50) yield return new ValidationResult("Telegram:Limits:MaxAlertsPerMessage must be between 1 and 50.");
    }
}
