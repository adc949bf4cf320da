using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Api;

/// <summary>Who may call the payment-request API: one key per calling system, sent as the X-Api-Key header.</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string Section = "Api";
    public const int MinKeyLength = 24;

    public List<ApiKey> Keys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var key in Keys)
        {
            if (string.IsNullOrWhiteSpace(key.Name)) yield return new ValidationResult("Api:Keys: every key needs a Name (it is logged instead of the key).");
            if (key.Key.Length < MinKeyLength) yield return new ValidationResult($"Api:Keys: the key of '{key.Name}' must be at least {MinKeyLength} characters.");
        }
        if (Keys.Select(k => k.Key).Distinct().Count() != Keys.Count) yield return new ValidationResult("Api:Keys: keys must differ.");
    }
}

public sealed class ApiKey
{
    /// <summary>The calling system, e.g. "Cổng DVC tỉnh"; this is what the logs show.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret itself; never logged.</summary>
    public string Key { get; set; } = "";

    /// <summary>The agency codes this key may act for; empty means every agency (the province portal's key).</summary>
    public List<string> Agencies { get; set; } = [];

    /// <summary>Whether this key may see and change dossiers of the agency.</summary>
    public bool Covers(string agencyCode) => Agencies.Count == 0 || Agencies.Contains(agencyCode, StringComparer.Ordinal);
}
