namespace ChatPay.Domain.Staff;

/// <summary>A receiving agency (cơ quan tiếp nhận). Its enrollment code lets a chat join as its officer.</summary>
public sealed record Agency(string Code, string Name, string EnrollmentCode);
