using ChatPay.Bot.Receipts;

namespace ChatPay.Bot.Staff;

public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>The receiving agencies whose officers get "paid, ready to process" alerts.</summary>
    public List<AgencySettings> Agencies { get; set; } = [];

    /// <summary>The code a support chat sends with /dangky; never logged.</summary>
    public string SupportEnrollmentCode { get; set; } = "";

    /// <summary>A paid dossier nobody pressed "Tiếp nhận" for is announced again after this long.</summary>
    public TimeSpan ClaimReminderAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many reminders at most (0: none).</summary>
    public int MaxReminders { get; set; } = 3;
}

public sealed class AgencySettings
{
    /// <summary>The agency code dossiers carry, e.g. "H42.10".</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The code an officer sends with /dangky to receive this agency's alerts; never logged.</summary>
    public string EnrollmentCode { get; set; } = "";

    /// <summary>The collecting unit's tax code (mã số thuế: 10 digits, or 10-3 for a branch), printed on its receipts.</summary>
    public string TaxCode { get; set; } = "";

    /// <summary>The collecting unit's address, printed on its receipts.</summary>
    public string Address { get; set; } = "";

    /// <summary>The collecting unit's own signing certificate for its receipts; without one, Receipts:Certificate signs them.</summary>
    public CertificateSettings Certificate { get; set; } = new();
}
