using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>Credentials and addresses VNPay issues to a merchant (Payments:VnPay). VNPay is offered live when TmnCode is set.</summary>
public sealed class VnPayOptions
{
    public const string Section = "Payments:VnPay";

    /// <summary>vnp_TmnCode, the 8-character terminal code.</summary>
    public string TmnCode { get; set; } = "";

    /// <summary>vnp_HashSecret; never logged.</summary>
    public string HashSecret { get; set; } = "";

    public string PaymentUrl { get; set; } = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html";

    /// <summary>The merchant web API for status queries and refunds.</summary>
    public string ApiUrl { get; set; } = "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction";

    public IEnumerable<ValidationResult> ValidateForUse()
    {
        if (TmnCode.Length != 8) yield return new ValidationResult("Payments:VnPay:TmnCode must be the 8-character terminal code VNPay issued.");
        if (string.IsNullOrWhiteSpace(HashSecret)) yield return new ValidationResult("Payments:VnPay:HashSecret is required.");
        if (!Uri.TryCreate(PaymentUrl, UriKind.Absolute, out _)) yield return new ValidationResult("Payments:VnPay:PaymentUrl must be an absolute URL.");
        if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out _)) yield return new ValidationResult("Payments:VnPay:ApiUrl must be an absolute URL.");
    }

    /// <summary>Checked when VNPay is offered live.</summary>
    public sealed class Check : IValidateOptions<VnPayOptions>
    {
        public ValidateOptionsResult Validate(string? name, VnPayOptions options) =>
            options.ValidateForUse().Select(e => e.ErrorMessage!).ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
