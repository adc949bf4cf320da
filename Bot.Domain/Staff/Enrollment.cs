namespace ChatPay.Domain.Staff;

/// <summary>A chat (a person or an agency group) enrolled as officer of an agency, or as support.</summary>
public sealed record Enrollment
{
    public required string Id { get; init; }
    public required string ChatKey { get; init; }
    public required StaffRole Role { get; init; }
    /// <summary>The agency, for officers; empty for support.</summary>
    public required string AgencyCode { get; init; }
    public required DateTimeOffset EnrolledAt { get; init; }
    /// <summary>Who sent the /dangky, where the channel says (a Telegram user in a group); shown to colleagues only.</summary>
    public string? EnrolledBy { get; init; }
    /// <summary>The fingerprint of the code it was made with (<see cref="EnrollmentCodes.Fingerprint"/>); a changed code ends it.</summary>
    public string? CodeFingerprint { get; init; }

    /// <summary>A short, stable handle staff use to name this enrolment (/huydangky &lt;handle&gt;).</summary>
    public string Handle => EnrollmentHandle.Of(Id);

    public static string IdFor(string chatKey, StaffRole role, string agencyCode) => $"{chatKey}|{role}|{agencyCode}";
}
