namespace ChatPay.Domain.Staff;

/// <summary>
/// The agencies and their enrollment codes, support's code, and how unclaimed "paid" alerts are repeated:
/// after <paramref name="ReminderAfter"/>, at most <paramref name="MaxReminders"/> times.
/// </summary>
public sealed record StaffRules(IReadOnlyList<Agency> Agencies, string SupportEnrollmentCode, TimeSpan ReminderAfter, int MaxReminders)
{
    /// <summary>Wrong enrollment codes a chat may send in <see cref="FailureWindow"/> before it must wait.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    public Agency? Agency(string code) => Agencies.FirstOrDefault(a => a.Code == code);
}
