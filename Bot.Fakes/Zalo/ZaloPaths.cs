namespace ChatPay.Fakes.Zalo;

/// <summary>The endpoints the fake serves: openapi.zalo.me's send, oauth.zaloapp.com's token refresh, business.openapi.zalo.me's ZNS send.</summary>
internal static class ZaloPaths
{
    public const string Message = "/v3.0/oa/message/cs";

    public const string AccessToken = "/v4/oa/access_token";

    /// <summary>Where users' pictures are served (Zalo's CDN).</summary>
    public const string Images = "/images/";

    /// <summary>ZNS by phone (business.openapi.zalo.me).</summary>
    public const string Template = "/message/template";

    /// <summary>The path as the fake serves it; a path it does not serve is a typo in the test, so it throws.</summary>
    public static string Known(string path)
    {
        var rooted = path.StartsWith('/') ? path : "/" + path;
        if (string.Equals(rooted, Message, StringComparison.OrdinalIgnoreCase)) return Message;
        if (string.Equals(rooted, AccessToken, StringComparison.OrdinalIgnoreCase)) return AccessToken;
        if (string.Equals(rooted, Template, StringComparison.OrdinalIgnoreCase)) return Template;
        throw new ArgumentException($"The fake Zalo serves only {Message}, {AccessToken} and {Template}, not {path}.", nameof(path));
    }
}
