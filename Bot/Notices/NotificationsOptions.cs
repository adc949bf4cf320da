using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Notices;

/// <summary>Citizens' notices when a payment is requested (Notifications).</summary>
public sealed class NotificationsOptions : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>
    /// The key linked phone numbers are hashed with (base64, at least 32 bytes). Optional: without it ChatPay makes one at
    /// first start and keeps it with its other secrets. Set it to share the hashes with another system; never logged.
    /// </summary>
    public string PhoneHashKey { get; set; } = "";

    /// <summary>One reminder this long after the notice while the request is unpaid…</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>…at most this many (0: none).</summary>
    public int MaxReminders { get; set; } = 1;

    public QuietHoursSettings QuietHours { get; set; } = new();

    public sealed class QuietHoursSettings
    {
        /// <summary>No notice or reminder between Start and End (Vietnam time, GMT+7): it waits for End. Off: any hour.</summary>
        public bool Enabled { get; set; } = true;
        public TimeOnly Start { get; set; } = new(22, 0);
        public TimeOnly End { get; set; } = new(7, 0);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PhoneHashKey.Length > 0 && (!TryKey(PhoneHashKey, out var key) || key.Length < 32))
            yield return new("Notifications:PhoneHashKey must be base64 of at least 32 bytes, or left empty to have one made.");
        if (ReminderAfter < TimeSpan.FromMinutes(1) || ReminderAfter > TimeSpan.FromDays(30))
            yield return new("Notifications:ReminderAfter must be between 1 minute and 30 days.");
        if (MaxReminders is < 0 or > 5) yield return new("Notifications:MaxReminders must be between 0 and 5.");
    }

    public static bool TryKey(string base64, out byte[] key)
    {
        key = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, key, out var length)) return false;
        key = key[..length];
        return true;
    }
}
