using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Limits;

/// <summary>
/// Limits that hold per client address and in total, so a flood from one address — or from many new chats, which
/// cost nothing — is refused while everyone else goes on. Each chat's own stored limits come on top.
/// </summary>
public sealed class LimitsOptions : IValidatableObject
{
    public const string Section = "Limits";

    /// <summary>New web chats (POST /webchat/api/chats).</summary>
    public WindowLimit OpenChats { get; set; } = new() { PerAddress = 20, Total = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Messages and button presses sent from web chats.</summary>
    public WindowLimit Messages { get; set; } = new() { PerAddress = 120, Total = 6000, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Unknown dossier codes (typed, /bienlai, /baoloi, /tracuu) from any channel.</summary>
    public WindowLimit UnknownCodes { get; set; } = new() { PerAddress = 30, Total = 600, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Wrong /dangky codes from any channel.</summary>
    public WindowLimit WrongEnrollmentCodes { get; set; } = new() { PerAddress = 10, Total = 60, Window = TimeSpan.FromMinutes(15) };

    /// <summary>/baoloi reports from any channel.</summary>
    public WindowLimit ProblemReports { get; set; } = new() { PerAddress = 10, Total = 300, Window = TimeSpan.FromHours(1) };

    /// <summary>Web chat reads (long polls) open at once.</summary>
    public ConcurrencyLimit LongPolls { get; set; } = new() { PerAddress = 20, Total = 2000 };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, limit) in new[] { (nameof(OpenChats), OpenChats), (nameof(Messages), Messages), (nameof(UnknownCodes), UnknownCodes),
            (nameof(WrongEnrollmentCodes), WrongEnrollmentCodes), (nameof(ProblemReports), ProblemReports) })
        {
            if (limit.PerAddress < 1 || limit.Total < limit.PerAddress)
                yield return new ValidationResult($"Limits:{name}: PerAddress must be at least 1 and Total at least PerAddress.");
            if (limit.Window < TimeSpan.FromSeconds(1) || limit.Window > TimeSpan.FromDays(1))
                yield return new ValidationResult($"Limits:{name}:Window must be between 1 second and 1 day.");
        }
        if (LongPolls.PerAddress < 1 || LongPolls.Total < LongPolls.PerAddress)
            yield return new ValidationResult("Limits:LongPolls: PerAddress must be at least 1 and Total at least PerAddress.");
    }
}

/// <summary>At most <see cref="PerAddress"/> from one client address, and <see cref="Total"/> from everyone, per <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public int PerAddress { get; set; }
    public int Total { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>At most <see cref="PerAddress"/> at once from one client address, and <see cref="Total"/> from everyone.</summary>
public sealed class ConcurrencyLimit
{
    public int PerAddress { get; set; }
    public int Total { get; set; }
}
