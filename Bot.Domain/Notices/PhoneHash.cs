using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Domain.Notices;

/// <summary>
/// A keyed hash (HMAC-SHA256) of a normalised phone number: what ChatPay stores for a linked chat instead of the number,
/// and what a request's applicant phone is matched by. Without the key a leaked database lists no phones, and Vietnam's
/// ~100 million mobile numbers cannot be tried against it.
/// </summary>
public sealed class PhoneHash(byte[] key)
{
    public string Of(string normalised) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(normalised)));

    /// <summary>The hash of an applicant's phone as the portal sent it, or null when it is no Vietnamese number.</summary>
    public string? OfRaw(string? phone) => PhoneNumbers.Normalise(phone) is { } normalised ? Of(normalised) : null;
}
