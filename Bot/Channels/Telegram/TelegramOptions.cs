using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ChatPay.Bot.Channels.Telegram;

public sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>The token @BotFather gave; the channel is on when it is set. Never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API server: Telegram's, or a self-hosted one (scheme://host:port only).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>In Webhook mode, the public HTTPS address of POST /telegram/webhook that Telegram is given.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>The X-Telegram-Bot-Api-Secret-Token Telegram sends with each webhook call; empty means one is made and kept. Never logged.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Seconds a getUpdates long poll waits for updates.</summary>
    public int PollTimeoutSeconds { get; set; } = 50;

    /// <summary>
    /// How long ChatPay looks for a chat's sends that went unanswered (a crash, a lost connection) before it sends them
    /// again: a possible duplicate is better than a chat left silent.
    /// </summary>
    public TimeSpan RecoveryDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Telegram's sending limits, which ChatPay keeps to rather than provoking 429s.</summary>
    public TelegramLimits Limits { get; set; } = new();

    public bool Enabled => BotToken.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebhookSecret.Length > 0 && !SecretShape().IsMatch(WebhookSecret))
            yield return new ValidationResult($"Telegram:WebhookSecret must be {MinWebhookSecretLength}–256 characters of A-Z, a-z, 0-9, '_' and '-'.");
        if (!Enabled) yield break;
        if (!TokenShape().IsMatch(BotToken)) yield return new ValidationResult("Telegram:BotToken does not look like a bot token (digits, ':', then letters, digits, '_' or '-').");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https") || api.AbsolutePath != "/")
            yield return new ValidationResult("Telegram:ApiBaseUrl must be scheme://host[:port], without a path.");
        if (PollTimeoutSeconds is < 1 or > 90) yield return new ValidationResult("Telegram:PollTimeoutSeconds must be between 1 and 90.");
        if (RecoveryDeadline < TimeSpan.FromSeconds(1) || RecoveryDeadline > TimeSpan.FromMinutes(10))
            yield return new ValidationResult("Telegram:RecoveryDeadline must be between 1 second and 10 minutes.");
        if (Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var hook) || !(hook.Scheme == "https" || hook.IsLoopback))
                yield return new ValidationResult("Telegram:WebhookUrl must be an https URL (Telegram calls only https) in Webhook mode.");
        }

        foreach (var error in Limits.Validate()) yield return error;
    }

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    /// <summary>A configured webhook secret shorter than this could be guessed; the one ChatPay makes has 192 bits.</summary>
    public const int MinWebhookSecretLength = 32;

    [GeneratedRegex(@"^[A-Za-z0-9_-]{32,256}$")]
    private static partial Regex SecretShape();
}

public enum TelegramMode
{
    Polling,
    Webhook,
}
