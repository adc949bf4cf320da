using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Bot.Reports;

/// <summary>
/// The token of a report's download link: the day, the agency (or all), the format and the expiry, signed with
/// HMAC-SHA256 under a key of this installation. It carries everything, so nothing is stored for a link; a changed
/// field, a foreign key or a passed expiry makes it refused.
/// </summary>
public sealed class ReportTokens(byte[] key)
{
    public sealed record Claims(DateOnly Day, string? AgencyCode, string Format, DateTimeOffset Until);

    public string Issue(Claims claims)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('|', claims.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), claims.AgencyCode ?? "*", claims.Format,
            claims.Until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The claims of a genuine token still valid at <paramref name="now"/>; null otherwise.</summary>
    public Claims? Read(string token, DateTimeOffset now)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 300) return null;
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload))) return null;
        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 4 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var until)) return null;
        var claims = new Claims(day, parts[1] == "*" ? null : parts[1], parts[2], DateTimeOffset.FromUnixTimeSeconds(until));
        return claims.Until > now ? claims : null;
    }
}
