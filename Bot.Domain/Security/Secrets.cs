using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Domain.Security;

public static class Secrets
{
    /// <summary>A random URL-safe token with 144 bits of entropy.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    /// <summary>Letters and digits nobody misreads on paper (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).</summary>
    private const string PaperAlphabet = "34679ACDEFGHJKMNPQRTUVWXY";

    /// <summary>A code to type from a printed page: 12 characters in groups of four (about 55 bits), e.g. "7KQ4-MACD-4TXE".</summary>
    public static string NewLookupCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(PaperAlphabet, 12);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>Compares two secrets in time independent of where they differ (and of their lengths).</summary>
    public static bool Equal(string? a, string? b)
    {
        if (a is null || b is null) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
    }
}
