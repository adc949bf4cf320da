using System.Security.Cryptography;
using System.Text;
using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.WebChat;

/// <summary>
/// A browser holds a random token; its chat is named by the token's hash, so the database never holds
/// anything that would let a reader act as that browser.
/// </summary>
public static class WebChatIdentity
{
    public const string Header = "X-Chat-Token";

    public static ChatAddress? ChatOf(HttpRequest request)
    {
        var token = request.Headers[Header].ToString();
        if (token.Length is < 20 or > 64 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        return ChatFor(token);
    }

    /// <summary>The built-in web chat; its people read the chat log themselves.</summary>
    public static ChatChannel Channel { get; } = new("Web");

    public static ChatAddress ChatFor(string token) =>
        new(Channel, Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)))[..32]);
}
