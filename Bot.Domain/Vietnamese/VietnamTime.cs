namespace ChatPay.Domain.Vietnamese;

/// <summary>Instants are kept in UTC; people in Vietnam read them in GMT+7, which has no daylight saving.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>"10:32 26/11/2026", the way Vietnamese receipts and messages write a moment.</summary>
    public static string Format(DateTimeOffset instant) => Local(instant).ToString("HH:mm dd/MM/yyyy");
}
