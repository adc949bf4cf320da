namespace ChatPay.Domain.Notices;

/// <summary>
/// One notice or reminder of a dossier's request: when, through what (the linked chats, whose deliveries the chat log
/// keeps; or ZNS by phone), and what came of it.
/// </summary>
/// <param name="Recipients">For <see cref="Chats"/>: how many linked chats it went to (0: nobody linked the applicant's phone).</param>
/// <param name="Outcome">"queued", "sent", "failed" (with <paramref name="Reason"/>), "none" (nobody to tell).</param>
public sealed record NoticeRecord(DateTimeOffset At, int RequestVersion, bool Reminder, string Channel, int Recipients, string Outcome, string? Reason = null)
{
    /// <summary>Sent to the chats linked to the applicant's phone.</summary>
    public const string Chats = "chats";
}
