namespace ChatPay.Bot.Channels.Outbox;

/// <summary>What a channel can do and the limits it keeps; the delivery engine shapes and paces messages by these.</summary>
public sealed record ChannelTraits
{
    /// <summary>A sent message can be changed in place (buttons taken away, an alert marked as taken).</summary>
    public bool CanEdit { get; init; }

    /// <summary>
    /// The app numbers a chat's messages in order (Telegram's message_id): a send whose answer was lost can then be looked
    /// for at the ids after the last one known, with an edit that changes nothing. Needs <see cref="CanEdit"/>.
    /// </summary>
    public bool NumbersMessagesInOrder { get; init; }

    /// <summary>Longest text of one message; a longer one goes out in parts, split at line breaks.</summary>
    public int MaxTextLength { get; init; } = 2000;

    /// <summary>Buttons one message shows; more go on following messages.</summary>
    public int MaxButtonsPerMessage { get; init; } = 10;

    /// <summary>
    /// Link buttons may point at a loopback or private address (a demo on localhost). Where not (Telegram refuses them),
    /// such links go in the text instead.
    /// </summary>
    public bool LinkButtonsToPrivateAddresses { get; init; } = true;

    /// <summary>Waiting messages of a combinable topic (officers' alerts) for one chat go out together, this many at most.</summary>
    public int MaxCombined { get; init; } = 1;

    /// <summary>The app can offer the person to share their own phone number (Telegram's contact button, Zalo's request for user info).</summary>
    public bool CanAskForPhone { get; init; }

    public ChannelPacing Pacing { get; init; } = new();

    /// <summary>How long lost sends are looked for before they are sent again (a possible duplicate is better than silence).</summary>
    public TimeSpan RecoveryDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Lost sends can be looked for after a crash; without this, they are sent again (and may arrive twice).</summary>
    public bool CanFindLostSends => CanEdit && NumbersMessagesInOrder;
}
