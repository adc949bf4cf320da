namespace ChatPay.Fakes.ZaloPay;

public enum ZaloPayOrderState { Unpaid, Paid, Failed }

/// <summary>An order as the fake holds it: what the merchant sent, and what became of it.</summary>
public sealed class ZaloPayOrder
{
    public required string AppTransId { get; init; }
    public required string AppUser { get; init; }
    public required long Amount { get; init; }
    public required long AppTime { get; init; }
    public required string EmbedData { get; init; }
    public required string Item { get; init; }
    public required string Description { get; init; }
    public required string? CallbackUrl { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string Token { get; init; }
    public ZaloPayOrderState State { get; internal set; }
    /// <summary>ZaloPay's transaction number, fixed when the person pays.</summary>
    public long ZpTransId { get; internal set; }
    public long Refunded { get; internal set; }
}
