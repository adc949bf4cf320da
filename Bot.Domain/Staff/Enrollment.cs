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

    public static string IdFor(string chatKey, StaffRole role, string agencyCode) => $"{chatKey}|{role}|{agencyCode}";
}
