using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.ZaloPay;

/// <summary>A ZaloPay merchant app's credentials (Payments:ZaloPay). ZaloPay is offered when AppId is set.</summary>
public sealed class ZaloPayOptions
{
    public const string Section = "Payments:ZaloPay";

    /// <summary>The app_id ZaloPay issued (a number).</summary>
    public string AppId { get; set; } = "";

    /// <summary>Signs ChatPay's requests; never logged.</summary>
    public string Key1 { get; set; } = "";

    /// <summary>Verifies ZaloPay's callbacks and redirects; never logged.</summary>
    public string Key2 { get; set; } = "";

    /// <summary>ZaloPay's API: https://sb-openapi.zalopay.vn (sandbox) or https://openapi.zalopay.vn.</summary>
    public string ApiUrl { get; set; } = "https://sb-openapi.zalopay.vn";

    /// <summary>Checked when ZaloPay is offered.</summary>
    public sealed class Check : IValidateOptions<ZaloPayOptions>
    {
        public ValidateOptionsResult Validate(string? name, ZaloPayOptions options)
        {
            var errors = new List<string>();
            if (!long.TryParse(options.AppId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                errors.Add("Payments:ZaloPay:AppId must be the app_id ZaloPay issued (a number).");
            if (string.IsNullOrWhiteSpace(options.Key1)) errors.Add("Payments:ZaloPay:Key1 is required.");
            if (string.IsNullOrWhiteSpace(options.Key2)) errors.Add("Payments:ZaloPay:Key2 is required.");
            if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out _)) errors.Add("Payments:ZaloPay:ApiUrl must be an absolute URL.");
            return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
        }
    }
}
