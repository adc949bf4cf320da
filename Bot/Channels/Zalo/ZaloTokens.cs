using System.Security.Cryptography;
using System.Text;
using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Records;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>
/// The OA's access token, kept fresh. Zalo's refresh token is single-use, so each new pair is stored the moment
/// Zalo returns it, before anything uses it. The pair from configuration seeds the store once; a different
/// refresh token in configuration (an administrator re-authorising the OA) replaces what is stored.
/// </summary>
/// <remarks>The pair is stored encrypted (<see cref="SecretProtector"/>).</remarks>
public sealed class ZaloTokens(IRecordTables tables, SecretProtector protector, ZaloApi api, IOptions<ZaloOptions> options, TimeProvider clock, ILogger<ZaloTokens> logger)
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromHours(1);

    private sealed record Stored(string Id, string AccessToken, DateTimeOffset AccessExpiresAt, string RefreshToken, string SeededFrom);

    private const string Collection = "zalo_tokens";
    private readonly IRecordTable<Stored> _tokens = tables.Table<Stored>(Collection, t => t.Id);
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    /// <summary>The pair in force, decrypted; read from the database once, then kept as it is saved, and read again before a refresh.</summary>
    private Stored? _current;

    /// <summary>A token to call Zalo with, refreshed first when it is about to expire.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var current = Current();
        return current.AccessExpiresAt - RefreshAhead > clock.GetUtcNow() ? current.AccessToken : await RefreshAsync(current.AccessToken, cancellationToken);
    }

    /// <summary>Zalo said the token is invalid (-216): refresh, unless another caller already did since.</summary>
    public async Task<string> RefreshAsync(string rejected, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // Read again: another instance on the same database may have refreshed meanwhile, and Zalo's refresh token is single-use.
            _current = null;
            var current = Current();
            if (current.AccessToken != rejected && current.AccessExpiresAt - RefreshAhead > clock.GetUtcNow()) return current.AccessToken;

            var fresh = await api.RefreshAsync(current.RefreshToken, CancellationToken.None);
            Save(current with
            {
                AccessToken = fresh.AccessToken,
                RefreshToken = fresh.RefreshToken,
                AccessExpiresAt = clock.GetUtcNow() + fresh.ExpiresIn,
            });
            logger.LogInformation("Zalo access token refreshed; valid for {ExpiresIn}", fresh.ExpiresIn);
            return fresh.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private Stored Current() => _current ??= Load();

    private Stored Load()
    {
        var seed = Fingerprint(options.Value.RefreshToken);
        if (_tokens.Get("oa") is { } stored && stored.SeededFrom == seed)
        {
            if (protector.Unprotect(stored.AccessToken) is { } access && protector.Unprotect(stored.RefreshToken) is { } refresh)
                return stored with { AccessToken = access, RefreshToken = refresh };
            logger.LogError("The stored Zalo tokens cannot be decrypted (the key ring or Storage:SecretsKey changed); starting again from Zalo:RefreshToken, which may need re-authorising");
        }

        // A configured access token is trusted until Zalo rejects it; without one, the first call refreshes.
        var configured = options.Value.AccessToken;
        var seeded = new Stored("oa", configured, configured.Length > 0 ? clock.GetUtcNow() + TimeSpan.FromHours(24) : DateTimeOffset.MinValue,
            options.Value.RefreshToken, seed);
        Save(seeded);
        return seeded;
    }

    private void Save(Stored tokens)
    {
        _tokens.Put(tokens with { AccessToken = protector.Protect(tokens.AccessToken), RefreshToken = protector.Protect(tokens.RefreshToken) });
        _current = tokens;
    }

    private static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
