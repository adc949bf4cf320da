using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Storage;

/// <summary>One message of a chat, either way. Outgoing entries double as the outbox of remote channels.</summary>
public sealed class ChatLogEntry
{
    public long Id { get; set; }
    public string ChatKey { get; set; } = "";
    public bool Outgoing { get; set; }
    public string Text { get; set; } = "";
    public List<ChoiceButton> Choices { get; set; } = [];
    public List<LinkButton> Links { get; set; } = [];
    /// <summary>Set once a choice was made: the buttons are gone and this label shows what was chosen.</summary>
    public string? ChosenLabel { get; set; }
    public DateTimeOffset At { get; set; }
    public Delivery Delivery { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>The channel's own id for the message once sent (Telegram's message_id), used to edit it.</summary>
    public string? ExternalId { get; set; }
    /// <summary>The buttons were closed after the message was sent; the channel still has to edit it.</summary>
    public bool EditPending { get; set; }
    public string? LastError { get; set; }

    public OutgoingMessage ToMessage() => new(Text, Choices, Links);
}

public enum Delivery
{
    /// <summary>Incoming messages, and outgoing ones a channel reads from the log itself (the web chat).</summary>
    InLog,
    Pending,
    Delivered,
    /// <summary>The channel refused it for good (e.g. the person blocked the bot).</summary>
    Failed,
}
