using ChatPay.Bot.Demo;
using ChatPay.Domain.Staff;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Staff;

/// <summary>Outside the demo, every agency needs a name and a strong enough enrollment code, and support needs one too.</summary>
public sealed class StaffOptionsValidator(IOptions<DemoOptions> demo) : IValidateOptions<StaffOptions>
{
    public const int MinCodeLength = EnrollmentCodes.MinConfiguredLength;

    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        var errors = new List<string>();
        var demoOn = demo.Value.Enabled;
        if (!demoOn && options.Agencies.Count == 0) errors.Add("Staff:Agencies must list at least one agency.");
        if ((!demoOn || options.SupportEnrollmentCode.Length > 0) && options.SupportEnrollmentCode.Length < MinCodeLength)
            errors.Add($"Staff:SupportEnrollmentCode must be at least {MinCodeLength} characters.");
        foreach (var agency in options.Agencies)
        {
            if (string.IsNullOrWhiteSpace(agency.Code) || string.IsNullOrWhiteSpace(agency.Name))
                errors.Add("Staff:Agencies: every agency needs a Code and a Name.");
            if (agency.EnrollmentCode.Length < MinCodeLength)
                errors.Add($"Staff:Agencies: the enrollment code of '{agency.Code}' must be at least {MinCodeLength} characters.");
            if (agency.Certificate.Problem($"Staff:Agencies:{options.Agencies.IndexOf(agency)}:Certificate") is { } problem) errors.Add(problem);
        }
        var codes = options.Agencies.Select(a => a.EnrollmentCode).Append(options.SupportEnrollmentCode).Where(c => c.Length > 0).ToList();
        if (codes.Distinct().Count() != codes.Count) errors.Add("Staff: enrollment codes must all differ.");
        if (options.Agencies.Select(a => a.Code).Distinct().Count() != options.Agencies.Count) errors.Add("Staff:Agencies: codes must be unique.");
        if (options.ClaimReminderAfter < TimeSpan.FromMinutes(1)) errors.Add("Staff:ClaimReminderAfter must be at least 1 minute.");
        if (options.MaxReminders is < 0 or > 20) errors.Add("Staff:MaxReminders must be between 0 and 20.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
