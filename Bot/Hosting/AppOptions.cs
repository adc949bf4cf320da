using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Hosting;

public sealed class AppOptions : IValidatableObject
{
    public const string Section = "App";

    /// <summary>The address people and gateways reach this bot at; every link ChatPay sends is built on it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            yield return new ValidationResult("App:PublicBaseUrl must be an absolute http(s) URL without a query, e.g. https://chatpay.example.gov.vn.");
    }
}
