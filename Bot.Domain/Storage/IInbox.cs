namespace ChatPay.Domain.Storage;

/// <summary>
/// Remembers which inbound events (a Telegram update, a Zalo message) were handled, in the same step as their
/// effects, so a channel that delivers an event again (after a crash, or as a retry) changes nothing twice.
/// </summary>
public interface IInbox
{
    /// <summary>Records the event; false if it was recorded before.</summary>
    bool FirstTime(string eventKey, DateTimeOffset at);

    /// <summary>Whether the event was recorded (without recording it).</summary>
    bool Recorded(string eventKey);
}
