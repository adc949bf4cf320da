using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Hosting;

public sealed class AppOptions : IValidatableObject
{
    public const string Section = "App";

    /// <summary>The address people and gateways reach this bot at; every link ChatPay sends is built on it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// The reverse proxies (addresses, or networks as 10.0.0.0/8) whose X-Forwarded-For and X-Forwarded-Proto are
    /// believed. Empty: none, and the connection's own address is the client's.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            yield return new ValidationResult("App:PublicBaseUrl must be an absolute http(s) URL without a query, e.g. https://chatpay.example.gov.vn.");
        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPNetwork.TryParse(p, out _) && !System.Net.IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"App:KnownProxies: '{proxy}' is neither an IP address nor a network such as 10.0.0.0/8.");
    }
}
