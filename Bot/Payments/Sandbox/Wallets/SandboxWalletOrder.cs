namespace ChatPay.Bot.Payments.Sandbox.Wallets;

/// <summary>An order as an embedded wallet sandbox (MoMo's, ZaloPay's) records it: what the merchant asked, and what the person did.</summary>
public sealed class SandboxWalletOrder
{
    /// <summary>The wallet and its order reference: "MoMo:{orderId}", "ZaloPay:{app_trans_id}".</summary>
    public string Id { get; set; } = "";
    public string Wallet { get; set; } = "";
    public string OrderId { get; set; } = "";

    /// <summary>The order's number at its wallet (1, 2, …): its transaction number is made from it.</summary>
    public long Number { get; set; }

    /// <summary>The unguessable part of the order's payment page.</summary>
    public string Token { get; set; } = "";
    public long Amount { get; set; }
    public string Description { get; set; } = "";
    public string CallbackUrl { get; set; } = "";
    public string RedirectUrl { get; set; } = "";

    /// <summary>The order's fields as the merchant sent them (what a replay must repeat, what the callback echoes).</summary>
    public Dictionary<string, string> Fields { get; set; } = [];
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The wallet's own result code once the person has finished; empty while they have not.</summary>
    public string ResultCode { get; set; } = "";
    public bool Paid { get; set; }
    public long TransactionNo { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public bool Finished => ResultCode.Length > 0;

    /// <summary>Refunds made of this order: the refund's own order reference, and its amount.</summary>
    public Dictionary<string, long> Refunds { get; set; } = [];
    public int CallbackAttempts { get; set; }
    public bool CallbackAcknowledged { get; set; }
    public DateTimeOffset? NextCallbackAt { get; set; }
}
