namespace ChatPay.Fakes.MoMo;

/// <summary>An order as the fake holds it. ResultCode 1000 while the person has not finished, then 0 (paid), 1006 (declined) or 1005 (expired).</summary>
public sealed class MoMoOrder
{
    public required string OrderId { get; init; }
    public required string RequestId { get; init; }
    public required long Amount { get; init; }
    public required string OrderInfo { get; init; }
    public required string ExtraData { get; init; }
    public required string IpnUrl { get; init; }
    public required string RedirectUrl { get; init; }
    public required string RequestType { get; init; }
    /// <summary>The create request as sent, to tell a replay (same answer) from a reused requestId (40).</summary>
    public required string Request { get; init; }
    public int ResultCode { get; internal set; } = 1000;
    public long TransId { get; internal set; }
    public long Refunded => Refunds.Sum(r => r.Amount);

    /// <summary>Refunds made of this order (each an order of its own at MoMo), as /query lists them in refundTrans.</summary>
    public List<MoMoRefund> Refunds { get; } = [];
}

/// <summary>A refund of a paid order: its own orderId, amount and transId.</summary>
public sealed record MoMoRefund(string OrderId, long Amount, long TransId, DateTimeOffset At);

/// <summary>One IPN attempt: the exact body sent and the HTTP status the partner answered (null: no answer in time).</summary>
public sealed record MoMoIpn(string OrderId, string Body, int? Status);
