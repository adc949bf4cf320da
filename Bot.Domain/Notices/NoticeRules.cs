namespace ChatPay.Domain.Notices;

/// <summary>
/// How citizens are reached when a payment is requested: the key phone numbers are hashed with, the channels that can ask
/// for a phone number (Telegram's contact button, Zalo's request for user info), one reminder while unpaid, quiet hours.
/// </summary>
public sealed record NoticeRules(byte[] PhoneHashKey, IReadOnlySet<string> PhoneChannels, TimeSpan ReminderAfter, int MaxReminders, QuietHours Quiet)
{
    public PhoneHash Hash { get; } = new(PhoneHashKey);

    /// <summary>No phone linking anywhere, reminders as documented: for rules built without notices (tests of other parts).</summary>
    public static NoticeRules None { get; } = new(new byte[32], new HashSet<string>(), TimeSpan.FromHours(24), 1, QuietHours.Default);
}
