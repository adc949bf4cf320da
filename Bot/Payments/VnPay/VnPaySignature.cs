using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>
/// VNPay 2.1.0's vnp_SecureHash: HMAC-SHA512 over the non-empty vnp_* fields (bar the hash itself), sorted
/// ordinally, form-encoded with upper-case escapes and joined as k=v&amp;k=v.
/// </summary>
public static class VnPaySignature
{
    public const string HashField = "vnp_SecureHash";
    public const string HashTypeField = "vnp_SecureHashType";

    /// <summary>The signed string, which is also the query string VNPay expects before the hash.</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> fields) => string.Join('&',
        fields.Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal) && f.Key is not (HashField or HashTypeField) && !string.IsNullOrEmpty(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            // WebUtility.UrlEncode escapes in upper case, as VNPay's reference code does; HttpUtility's lower case breaks the hash.
            .Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));

    public static string Hmac(string data, string secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));

    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string secret) => Hmac(CanonicalQuery(fields), secret);

    /// <summary>Checks received (decoded) fields against their vnp_SecureHash, in constant time, hex case ignored.</summary>
    public static bool Verify(IReadOnlyDictionary<string, string> fields, string secret)
    {
        if (!fields.TryGetValue(HashField, out var received) || received.Length != 128) return false;
        byte[] receivedBytes;
        try
        {
            receivedBytes = Convert.FromHexString(received);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(CanonicalQuery(fields)));
        return CryptographicOperations.FixedTimeEquals(receivedBytes, expected);
    }

    /// <summary>The full query string: the canonical fields followed by their hash.</summary>
    public static string SignedQuery(IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        var canonical = CanonicalQuery(fields);
        return $"{canonical}&{HashField}={Hmac(canonical, secret)}";
    }
}
