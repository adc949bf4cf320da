using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Domain.Security;

public static class Secrets
{
    /// <summary>A random URL-safe token with 144 bits of entropy.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    /// <summary>Compares two secrets in time independent of where they differ (and of their lengths).</summary>
    public static bool Equal(string? a, string? b)
    {
        if (a is null || b is null) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
    }
}
