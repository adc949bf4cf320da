using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Chats;

/// <summary>
/// What the bot says, independent of any channel: plain text (channels escape it), buttons that answer
/// the bot, and buttons that open a page. Channels decide how each looks.
/// </summary>
public sealed record OutgoingMessage(string Text, IReadOnlyList<ChoiceButton> Choices, IReadOnlyList<LinkButton> Links)
{
    public OutgoingMessage(string text) : this(text, [], []) { }

    public bool HasChoices => Choices.Count > 0;

    /// <summary>Set on a message the bot will change later, to find it again (see <see cref="IChatLog.OnTopic"/>).</summary>
    public MessageTopic? Topic { get; init; }

    /// <summary>The label of the choice made on this message, once made: its buttons are gone and channels show this instead.</summary>
    public string? Chosen { get; init; }

    /// <summary>Something went wrong or needs the person's care (a refusal, money held): channels that can show it apart.</summary>
    public bool Warning { get; init; }

    /// <summary>Offers to share the person's own phone number (Telegram's contact button, Zalo's request for user info).</summary>
    public bool AsksForPhone { get; init; }

    /// <summary>Takes the phone-sharing offer away (Telegram's reply keyboard stays until told).</summary>
    public bool EndsPhoneRequest { get; init; }
}

public sealed record ChoiceButton(string Label, string Payload);

public sealed record LinkButton(string Label, string Url);
