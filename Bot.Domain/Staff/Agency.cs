namespace ChatPay.Domain.Staff;

/// <summary>
/// A receiving agency (cơ quan tiếp nhận), which is also the unit that collects its fees: its enrollment code lets a chat
/// join as its officer; its tax code (mã số thuế) and address are printed on its receipts, as the rules on e-receipts ask.
/// </summary>
public sealed record Agency(string Code, string Name, string EnrollmentCode, string TaxCode = "", string Address = "");
