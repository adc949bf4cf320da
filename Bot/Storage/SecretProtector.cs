using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Storage;

/// <summary>
/// Tokens ChatPay keeps in its database (Zalo's OAuth pair, a generated webhook secret, the sandbox's key) are
/// encrypted there unless the whole database is (Storage:Password): with Storage:SecretsKey when it is set, else with
/// ASP.NET Core's data-protection key ring in Storage:KeyRingPath. A copy of the database alone then reveals no token.
/// </summary>
public sealed class SecretProtector
{
    private const string KeyMark = "k1:";
    private const string RingMark = "dp1:";
    private readonly bool _databaseEncrypted;
    private readonly byte[]? _key;
    private readonly IDataProtector _ring;

    public SecretProtector(IOptions<StorageOptions> options, IDataProtectionProvider provider)
    {
        _databaseEncrypted = options.Value.PasswordOrNull is not null;
        _key = string.IsNullOrEmpty(options.Value.SecretsKey) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.SecretsKey));
        _ring = provider.CreateProtector("ChatPay.StoredSecrets");
    }

    public string Protect(string value)
    {
        if (_databaseEncrypted) return value;
        if (_key is null) return RingMark + _ring.Protect(value);

        var plain = Encoding.UTF8.GetBytes(value);
        var sealedValue = new byte[AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + plain.Length];
        var nonce = sealedValue.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(nonce.Length + AesGcm.TagByteSizes.MaxSize), sealedValue.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize));
        return KeyMark + Convert.ToBase64String(sealedValue);
    }

    /// <summary>The value, or null if it cannot be read here (the key ring or Storage:SecretsKey is not the one it was sealed with). A value stored before protection is returned as it is.</summary>
    public string? Unprotect(string stored)
    {
        try
        {
            if (stored.StartsWith(RingMark, StringComparison.Ordinal)) return _ring.Unprotect(stored[RingMark.Length..]);
            if (!stored.StartsWith(KeyMark, StringComparison.Ordinal)) return stored;
            if (_key is null) return null;
            var sealedValue = Convert.FromBase64String(stored[KeyMark.Length..]);
            var nonce = sealedValue.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
            var tag = sealedValue.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
            var cipher = sealedValue.AsSpan(nonce.Length + tag.Length);
            var plain = new byte[cipher.Length];
            using var aes = new AesGcm(_key, AesGcm.TagByteSizes.MaxSize);
            aes.Decrypt(nonce, cipher, tag, plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
