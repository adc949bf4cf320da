using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.MoMo;

/// <summary>A MoMo partner's credentials (Payments:MoMo). MoMo is offered when PartnerCode is set.</summary>
public sealed class MoMoOptions
{
    public const string Section = "Payments:MoMo";

    public string PartnerCode { get; set; } = "";

    /// <summary>Signed with, never sent; never logged.</summary>
    public string AccessKey { get; set; } = "";

    /// <summary>The HMAC-SHA256 key; never logged.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>MoMo's API: https://test-payment.momo.vn (test) or https://payment.momo.vn.</summary>
    public string ApiUrl { get; set; } = "https://test-payment.momo.vn";

    /// <summary>captureWallet (pay in the MoMo app, the default) or payWithATM (a domestic card through MoMo).</summary>
    public string RequestType { get; set; } = "captureWallet";

    /// <summary>Checked when MoMo is offered.</summary>
    public sealed class Check : IValidateOptions<MoMoOptions>
    {
        public ValidateOptionsResult Validate(string? name, MoMoOptions options)
        {
            var errors = new List<string>();
            if (options.PartnerCode.Length is 0 or > 50) errors.Add("Payments:MoMo:PartnerCode must be the partner code MoMo issued.");
            if (string.IsNullOrWhiteSpace(options.AccessKey)) errors.Add("Payments:MoMo:AccessKey is required.");
            if (string.IsNullOrWhiteSpace(options.SecretKey)) errors.Add("Payments:MoMo:SecretKey is required.");
            if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out _)) errors.Add("Payments:MoMo:ApiUrl must be an absolute URL.");
            if (options.RequestType is not ("captureWallet" or "payWithATM")) errors.Add("Payments:MoMo:RequestType must be captureWallet or payWithATM.");
            return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
        }
    }
}
