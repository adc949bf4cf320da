using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Fakes.ZaloPay;

/// <summary>ZaloPay's MAC: lower-case hex HMAC-SHA256 over the '|'-joined fields, as the strings were sent.</summary>
public static class ZaloPayMac
{
    public static string Of(string key, params string[] fields) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(string.Join('|', fields))));

    /// <summary>Compared in constant time, as a MAC must be.</summary>
    public static bool Matches(string key, string? mac, params string[] fields) =>
        mac is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(key, fields)), Encoding.ASCII.GetBytes(mac.ToLowerInvariant()));
}
