using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Portal;

/// <summary>The public service portal's webhook, told when a dossier is paid. Optional.</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>Where "dossier.paid" events are POSTed; empty turns the webhook off.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Key of the HMAC-SHA256 signature in X-ChatPay-Signature; never logged.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>How often undelivered events are looked for.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait after a failed delivery; each further failure doubles it, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => WebhookUrl.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult("Portal:WebhookUrl must be an absolute http(s) URL.");
        if (WebhookSecret.Length < 24) yield return new ValidationResult("Portal:WebhookSecret must be at least 24 characters.");
        if (Interval < TimeSpan.FromMilliseconds(10) || RetryDelay < TimeSpan.FromMilliseconds(10))
            yield return new ValidationResult("Portal:Interval and Portal:RetryDelay must be at least 10 ms.");
    }
}
