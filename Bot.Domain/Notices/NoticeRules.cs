namespace ChatPay.Domain.Notices;

/// <summary>
/// How citizens are reached when a payment is requested: the key phone numbers are hashed with, the channels that can ask
/// for a phone number (Telegram's contact button, Zalo's request for user info), one reminder while unpaid, quiet hours.
/// </summary>
/// <param name="ByPhone">A service that messages a phone number in one app (Zalo's ZNS), for applicants who linked no chat there.</param>
public sealed record NoticeRules(byte[] PhoneHashKey, IReadOnlySet<string> PhoneChannels, TimeSpan ReminderAfter, int MaxReminders, QuietHours Quiet,
    PhoneService? ByPhone = null)
{
    public PhoneHash Hash { get; } = new(PhoneHashKey);

    /// <summary>No phone linking anywhere, reminders as documented: for rules built without notices (tests of other parts).</summary>
    public static NoticeRules None { get; } = new(new byte[32], new HashSet<string>(), TimeSpan.FromHours(24), 1, QuietHours.Default);
}

/// <summary>A service that messages a phone number (<paramref name="Name"/>: "ZNS") within one chat app (<paramref name="App"/>: "Zalo").</summary>
public sealed record PhoneService(string Name, string App);
