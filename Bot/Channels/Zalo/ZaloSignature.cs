using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>
/// Zalo's webhook signature: lower-case hex SHA-256 (a plain hash, not an HMAC) of app_id + raw body + timestamp +
/// OA secret key, sent as "X-ZEvent-Signature: mac=&lt;hex&gt;". The body is hashed exactly as received.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    public static byte[] Compute(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(rawBody);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(oaSecretKey));
        return hash.GetHashAndReset();
    }

    /// <summary>Accepts the header with or without "mac=", hex in either case; compares in constant time.</summary>
    public static bool Verify(string? header, string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        if (header is null) return false;
        var hex = header.Trim();
        if (hex.StartsWith("mac=", StringComparison.OrdinalIgnoreCase)) hex = hex[4..];
        if (hex.Length != 64) return false;
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, Compute(appId, rawBody, timestamp, oaSecretKey));
    }
}
