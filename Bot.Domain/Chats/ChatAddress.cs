namespace ChatPay.Domain.Chats;

/// <summary>One chat on one channel: a browser's web chat, a Telegram chat, a Zalo follower.</summary>
public readonly record struct ChatAddress(ChatChannel Channel, string Id)
{
    /// <summary>A stable text form ("Telegram:42") used as a storage key.</summary>
    public string Key => $"{Channel.Name}:{Id}";

    public override string ToString() => Key;

    public static ChatAddress FromKey(string key)
    {
        var colon = key.IndexOf(':');
        if (colon <= 0 || !key[..colon].All(char.IsAsciiLetter)) throw new FormatException($"Not a chat key: {key}");
        return new ChatAddress(new ChatChannel(key[..colon]), key[(colon + 1)..]);
    }
}
