using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>
/// Secrets the host generates once and must keep across restarts (the sandbox's key, a webhook secret, demo codes),
/// stored encrypted (<see cref="SecretProtector"/>).
/// </summary>
public sealed class HostSettings(LiteDbStore store, SecretProtector protector, ILogger<HostSettings> logger)
{
    private sealed record Setting(string Id, string Value);

    private const string Collection = "settings";
    private readonly ILiteCollection<Setting> _settings = store.Collection<Setting>(Collection);

    /// <summary>Returns the stored value, or stores and returns a new one made by <paramref name="create"/>.</summary>
    public string GetOrCreate(string key, Func<string> create)
    {
        lock (_settings)
        {
            if (_settings.Get(key) is { } stored)
            {
                if (protector.Unprotect(stored.Value) is { } existing) return existing;
                logger.LogWarning("The stored value {Key} cannot be decrypted (the key ring or Storage:SecretsKey changed); a new one is made", key);
            }
            var value = create();
            store.WriteTo<Setting>(Collection, c => c.Upsert(new Setting(key, protector.Protect(value))));
            return value;
        }
    }
}
