using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>A Zalo Official Account. The channel is on when the app, its secrets and a refresh token are configured.</summary>
public sealed class ZaloOptions : IValidatableObject
{
    public const string Section = "Zalo";

    /// <summary>The Zalo app id the OA is linked to (developers.zalo.me).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's secret key, sent when refreshing tokens. Never logged.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The OA secret key that signs webhook events (X-ZEvent-Signature). Never logged.</summary>
    public string OaSecretKey { get; set; } = "";

    /// <summary>An access token to start with (optional: one is obtained from the refresh token). Never logged.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The refresh token to start with. It is single-use: ChatPay keeps each new one in its database. Never logged.</summary>
    public string RefreshToken { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Messages per second sent to Zalo at most.</summary>
    public double MessagesPerSecond { get; set; } = 10;

    /// <summary>Buttons Zalo shows on one message; more are spread over following messages.</summary>
    public int MaxButtonsPerMessage { get; set; } = 5;

    /// <summary>ZNS template messages by phone for applicants with no linked Zalo chat (off without a template id).</summary>
    public Zns.ZnsSettings Zns { get; set; } = new();

    public bool Enabled => AppId.Length > 0 && OaSecretKey.Length > 0 && AppSecret.Length > 0 && RefreshToken.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var anySet = AppId.Length > 0 || OaSecretKey.Length > 0 || AppSecret.Length > 0 || RefreshToken.Length > 0;
        if (anySet && !Enabled) yield return new ValidationResult("Zalo: set all of Zalo:AppId, Zalo:AppSecret, Zalo:OaSecretKey and Zalo:RefreshToken, or none.");
        if (!Enabled) yield break;
        foreach (var (name, url) in new[] { ("ApiBaseUrl", ApiBaseUrl), ("OAuthBaseUrl", OAuthBaseUrl) })
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new ValidationResult($"Zalo:{name} must be an absolute http(s) URL.");
        if (MessagesPerSecond <= 0) yield return new ValidationResult("Zalo:MessagesPerSecond must be positive.");
        if (MaxButtonsPerMessage is < 1 or > 10) yield return new ValidationResult("Zalo:MaxButtonsPerMessage must be between 1 and 10.");
        if (Zns.Enabled && (!Uri.TryCreate(Zns.ApiBaseUrl, UriKind.Absolute, out var zns) || zns.Scheme is not ("http" or "https")))
            yield return new ValidationResult("Zalo:Zns:ApiBaseUrl must be an absolute http(s) URL.");
        if (Zns.Mode is not ("" or "development")) yield return new ValidationResult("Zalo:Zns:Mode must be empty or \"development\".");
    }
}
