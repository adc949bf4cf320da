namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>A transaction as the sandbox gateway records it: what VNPay would know about one vnp_TxnRef.</summary>
public sealed class SandboxTransaction
{
    /// <summary>The merchant's vnp_TxnRef.</summary>
    public string Id { get; set; } = "";
    public long TransactionNo { get; set; }
    /// <summary>vnp_Amount as sent: đồng × 100.</summary>
    public string Amount { get; set; } = "";
    public string OrderInfo { get; set; } = "";
    public string BankCode { get; set; } = "";
    public string CardType { get; set; } = "";
    public string BankTranNo { get; set; } = "";
    public string ResponseCode { get; set; } = "";
    public string TransactionStatus { get; set; } = "";

    /// <summary>Refunded so far, đồng × 100 (VNPay's status says 06 once a refund was sent to the bank).</summary>
    public long Refunded { get; set; }
    public string CreateDate { get; set; } = "";
    public DateTimeOffset PayDate { get; set; }
    public string ReturnUrl { get; set; } = "";
    /// <summary>The person reached the bank page but has not finished (status 01).</summary>
    public bool Unfinished => TransactionStatus == "01";
    public int IpnAttempts { get; set; }
    /// <summary>Never send the IPN (the sandbox's Never mode).</summary>
    public bool IpnSuppressed { get; set; }
    public bool IpnAcknowledged { get; set; }
    public DateTimeOffset? NextIpnAt { get; set; }
}
