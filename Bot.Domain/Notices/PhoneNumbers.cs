namespace ChatPay.Domain.Notices;

/// <summary>Vietnamese mobile numbers in the one form they are hashed and sent in: "84" and the subscriber number ("84912345678").</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// "0912 345 678", "+84 912 345 678", "84912345678" all give "84912345678"; null for anything that is not a Vietnamese
    /// number (9 or 10 digits after the country code).
    /// </summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith('0')) digits = "84" + digits[1..];
        else if (!digits.StartsWith("84")) return null;
        return digits.Length is 11 or 12 && digits[2] != '0' ? digits : null;
    }

    /// <summary>Shown where a person checks which number is linked: only the last four digits ("•••• 5678").</summary>
    public static string Masked(string normalised) => $"•••• {normalised[^4..]}";
}
