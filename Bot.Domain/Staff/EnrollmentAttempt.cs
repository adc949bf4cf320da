namespace ChatPay.Domain.Staff;

/// <summary>An audit record of /dangky and /huydangky: who, when, with what result. The code sent is never kept.</summary>
public sealed record EnrollmentAttempt
{
    public required string Id { get; init; }
    public required string ChatKey { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public required bool Succeeded { get; init; }
    public string? Role { get; init; }
    public string? AgencyCode { get; init; }
    public string? SenderName { get; init; }
}
