namespace ChatPay.Domain.Notices;

/// <summary>
/// One notice or reminder of a dossier's request to the chats linked to the applicant's phone: when, and to how many
/// (each chat's delivery is in the chat log). A notice by phone number is a <see cref="PhoneMessage"/> of its own.
/// </summary>
/// <param name="Recipients">How many linked chats it went to (0: nobody linked the applicant's phone).</param>
/// <param name="Outcome">"queued" (in the chats' outboxes) or "none" (nobody to tell).</param>
public sealed record NoticeRecord(DateTimeOffset At, int RequestVersion, bool Reminder, int Recipients, string Outcome);
