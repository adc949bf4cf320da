namespace ChatPay.Domain.Chats;

/// <summary>Where a logged message stands with its channel.</summary>
public enum Delivery
{
    /// <summary>Incoming messages, and outgoing ones a channel reads from the log itself (the web chat).</summary>
    InLog,
    Pending,
    Delivered,
    /// <summary>The channel refused it for good (e.g. the person blocked the bot).</summary>
    Failed,
}
