namespace ChatPay.Bot.Payments.VnPay;

/// <summary>The merchant account ChatPay speaks VNPay with: VNPay's own, or the embedded sandbox's.</summary>
public sealed record VnPayMerchant(string TmnCode, string HashSecret, string PaymentUrl, string ApiUrl, string ReturnUrl);
