namespace ChatPay.Fakes.Zalo;

/// <summary>
/// A refusal, thrown from anywhere in a call's handling and written by <see cref="ZaloEndpoint"/> with HTTP 200, as
/// Zalo answers errors. The OA API writes {"error","message"}; the OAuth server {"error","error_name","error_description"},
/// for which <see cref="Name"/> is set.
/// </summary>
internal sealed class ZaloError(int code, string message, string? name = null) : Exception(message)
{
    public const int RateLimited = -32;
    public const int InvalidParameter = -201;
    public const int NotFollowing = -213;
    public const int AccessTokenInvalid = -216;
    public const int OutsideWindow = -230;
    public const int MissingParameter = -14001;
    public const int InvalidApp = -14002;
    public const int InvalidRefreshToken = -14014;

    // What a test's FailNext(zaloError) answers. The texts are the fake's own wording: Zalo's exact ones are not published.
    private static readonly Dictionary<int, string> Messages = new()
    {
        [RateLimited] = "Request exceeded limit",
        [InvalidParameter] = "Invalid parameter",
        [-211] = "Out of quota",
        [NotFollowing] = "User has not followed the OA",
        [AccessTokenInvalid] = "Access token is invalid",
        [-220] = "Access token has expired",
        [OutsideWindow] = "User has not interacted with the OA in the last 7 days",
    };

    private static readonly Dictionary<int, string> OAuthNames = new()
    {
        [MissingParameter] = "Invalid parameter",
        [InvalidApp] = "Invalid app id or secret",
        [InvalidRefreshToken] = "Invalid refresh token",
    };

    public int Code { get; } = code;

    public string? Name { get; } = name;

    public static ZaloError Invalid(string detail) => new(InvalidParameter, $"Invalid parameter: {detail}");

    public static ZaloError TokenInvalid() => new(AccessTokenInvalid, Messages[AccessTokenInvalid]);

    public static ZaloError NotFollower() => new(NotFollowing, Messages[NotFollowing]);

    public static ZaloError Outside() => new(OutsideWindow, Messages[OutsideWindow]);

    public static ZaloError TooFast() => new(RateLimited, Messages[RateLimited]);

    public static ZaloError Missing(string field) => new(MissingParameter, $"Missing required parameter: {field}", OAuthNames[MissingParameter]);

    public static ZaloError BadField(string detail) => new(MissingParameter, detail, OAuthNames[MissingParameter]);

    public static ZaloError WrongApp() =>
        new(InvalidApp, "The app id or the secret_key does not match a registered app", OAuthNames[InvalidApp]);

    public static ZaloError WrongRefreshToken() =>
        new(InvalidRefreshToken, "The refresh token is unknown, expired or already used", OAuthNames[InvalidRefreshToken]);

    /// <summary>The error a test scheduled, shaped for the endpoint it fails.</summary>
    public static ZaloError Scheduled(int code, bool oauth)
    {
        if (!oauth) return new(code, Messages.GetValueOrDefault(code, "Unknown error"));
        var name = OAuthNames.GetValueOrDefault(code, "Unknown error");
        return new(code, name, name);
    }
}
