namespace ChatPay.Domain.Chats;

/// <summary>What a person sent: typed text, or a press on one of the bot's choice buttons.</summary>
public abstract record ChatInput
{
    /// <summary>Longest text taken as a message; anything longer is refused before it is read.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The sender's display name where the channel gives one (a Telegram user in a group); shown to colleagues only.</summary>
    public string? SenderName { get; init; }

    /// <summary>Sent in a group chat: only staff commands and staff buttons are taken there, and no citizen's data is shown.</summary>
    public bool InGroup { get; init; }

    /// <summary>
    /// Where the input came from on the network (the web chat's client address, or its /64 for IPv6), for limits that
    /// must hold across chats; null where the channel's own identity is the only one known (Telegram, Zalo).
    /// </summary>
    public string? Origin { get; init; }
}

public sealed record TextInput(string Text) : ChatInput;

/// <summary>A button press. <paramref name="MessageId"/> is the chat-log id of the message that carried it, when the channel knows it.</summary>
public sealed record PressInput(string Payload, long? MessageId) : ChatInput;

/// <summary>A one-tap payment link opened (the web chat's <c>/?ma=&lt;token&gt;</c>): the same as typing the dossier's code.</summary>
public sealed record LinkInput(string Token) : ChatInput;

/// <summary>
/// A phone number the person shared (Telegram's contact, Zalo's submitted info). <paramref name="OwnNumber"/>: the app
/// vouches it is the sender's own (Telegram: contact.user_id is the sender); anyone else's is refused.
/// </summary>
public sealed record ContactInput(string Phone, bool OwnNumber) : ChatInput;

/// <summary>
/// A photo the person sent (of the appointment slip, whose barcode or QR code carries the dossier code): what the
/// channel's reader found in it, or null. The photo itself never reaches the domain and is never stored.
/// </summary>
/// <param name="Problem">Why nothing was read, when it is not simply "no code in it".</param>
public sealed record PhotoInput(string? DecodedText, PhotoProblem Problem = PhotoProblem.None) : ChatInput;

public enum PhotoProblem
{
    None,
    /// <summary>Over the size a photo may have.</summary>
    TooLarge,
    /// <summary>Not an image, or reading it took too long.</summary>
    Unreadable,
}
