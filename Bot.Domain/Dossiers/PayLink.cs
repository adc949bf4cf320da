using ChatPay.Domain.Security;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Dossiers;

/// <summary>
/// A one-tap link to pay a dossier's request (the web chat's <c>/?ma=</c>, Telegram's <c>?start=</c>): a random token
/// that opens the dossier's fees without typing its code. A new token is issued with every request and amendment, and
/// only the dossier's current one works; one that was replaced is still found, so its holder is told why it stopped.
/// </summary>
public sealed class PayLink
{
    /// <summary>Telegram's deep-link payload: 1–64 of A–Z a–z 0–9 _ -. Secrets.NewToken's 24 base64url characters fit.</summary>
    public const int MaxTokenLength = 64;

    public string Token { get; init; } = "";
    public string DossierCode { get; init; } = "";
    public int RequestVersion { get; init; }
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>Gives the dossier's current request a new link, which replaces any earlier one.</summary>
    public static PayLink Issue(IStoreSession session, Dossier dossier, DateTimeOffset now)
    {
        var link = new PayLink { Token = Secrets.NewToken(), DossierCode = dossier.Code, RequestVersion = dossier.RequestVersion, IssuedAt = now };
        session.PayLinks.Save(link);
        dossier.UsePayLink(link.Token);
        session.Dossiers.Save(dossier);
        return link;
    }

    /// <summary>Whether <paramref name="token"/> could be a link's token at all (anything else is not looked up).</summary>
    public static bool LooksLikeToken(string token) =>
        token.Length is > 0 and <= MaxTokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
