namespace ChatPay.Bot.Channels;

/// <summary>
/// A channel's own link that opens a chat with the bot already carrying a one-tap token (Telegram's t.me/&lt;bot&gt;?start=).
/// A channel that has one registers it; the API lists it under the channel's name.
/// </summary>
public interface IChannelDeepLink
{
    /// <summary>The name the API's <c>links</c> shows it under ("telegram").</summary>
    string Name { get; }

    /// <summary>The link for this token, or null while the channel cannot make one (its bot's username not known yet).</summary>
    string? For(string token);
}
