using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Bot.Payments.ZaloPay;

/// <summary>ZaloPay's MAC (API v2): lower-case hex HMAC-SHA256 over the fields joined by '|', exactly as the strings were sent.</summary>
public static class ZaloPayMac
{
    public static string Of(string key, params string[] fields) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(string.Join('|', fields))));

    /// <summary>Compared in constant time, hex case ignored.</summary>
    public static bool Verify(string key, string? mac, params string[] fields)
    {
        var expected = Of(key, fields);
        return mac is not null && mac.Length == expected.Length &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));
    }
}
