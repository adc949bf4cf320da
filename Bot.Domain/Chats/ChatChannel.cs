namespace ChatPay.Domain.Chats;

/// <summary>
/// A chat app ChatPay talks through, by name ("Telegram", "Zalo", "Web"). The domain knows none of them: channels are
/// adapters that name themselves, so adding one needs no change here. A name is ASCII letters only, because it starts
/// chat keys ("Telegram:42") and outbox queue keys (name, then digits).
/// </summary>
public readonly record struct ChatChannel
{
    public ChatChannel(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 32 || !name.All(char.IsAsciiLetter))
            throw new ArgumentException($"A channel name is 1–32 ASCII letters, not '{name}'.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name;
}
