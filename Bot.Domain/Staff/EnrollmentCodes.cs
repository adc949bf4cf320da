using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Domain.Staff;

/// <summary>
/// What an enrolment remembers of the code it was made with: a fingerprint, so a changed code can end the enrolments
/// made with the old one without the database ever holding a code.
/// </summary>
public static class EnrollmentCodes
{
    /// <summary>Generated codes carry at least this much randomness; configured ones must be at least <see cref="MinConfiguredLength"/> characters.</summary>
    public const int MinGeneratedBits = 128;

    public const int MinConfiguredLength = 16;

    public static string Fingerprint(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ChatPay enrolment code\n" + code)))[..32];

    /// <summary>The code in force for an enrolment's role and agency; null when the agency is no longer configured.</summary>
    public static string? CurrentFor(Enrollment enrollment, StaffRules rules) =>
        enrollment.Role == StaffRole.Support ? rules.SupportEnrollmentCode : rules.Agency(enrollment.AgencyCode)?.EnrollmentCode;
}
