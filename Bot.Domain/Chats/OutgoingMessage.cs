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
    public string? Topic { get; init; }
}

public sealed record ChoiceButton(string Label, string Payload);

public sealed record LinkButton(string Label, string Url);
