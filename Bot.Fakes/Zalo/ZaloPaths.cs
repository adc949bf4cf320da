namespace ChatPay.Fakes.Zalo;

/// <summary>The two endpoints the fake serves: openapi.zalo.me's send and oauth.zaloapp.com's token refresh.</summary>
internal static class ZaloPaths
{
    public const string Message = "/v3.0/oa/message/cs";

    public const string AccessToken = "/v4/oa/access_token";

    /// <summary>The path as the fake serves it; a path it does not serve is a typo in the test, so it throws.</summary>
    public static string Known(string path)
    {
        var rooted = path.StartsWith('/') ? path : "/" + path;
        if (string.Equals(rooted, Message, StringComparison.OrdinalIgnoreCase)) return Message;
        if (string.Equals(rooted, AccessToken, StringComparison.OrdinalIgnoreCase)) return AccessToken;
        throw new ArgumentException($"The fake Zalo serves only {Message} and {AccessToken}, not {path}.", nameof(path));
    }
}
