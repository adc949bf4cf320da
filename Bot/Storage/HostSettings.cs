using ChatPay.Bot.Storage.Records;

namespace ChatPay.Bot.Storage;

/// <summary>
/// Secrets the host generates once and must keep across restarts (the sandbox's key, a webhook secret, demo codes),
/// stored encrypted (<see cref="SecretProtector"/>).
/// </summary>
public sealed class HostSettings(IRecordTables tables, SecretProtector protector, ILogger<HostSettings> logger)
{
    private sealed record Setting(string Id, string Value);

    private const string Collection = "settings";
    private readonly IRecordTable<Setting> _settings = tables.Table<Setting>(Collection, s => s.Id);

    /// <summary>
    /// Returns the stored value, or stores and returns a new one made by <paramref name="create"/>. Instances starting
    /// together on one database keep the first one stored.
    /// </summary>
    public string GetOrCreate(string key, Func<string> create)
    {
        lock (_settings)
        {
            if (_settings.Get(key) is { } stored)
            {
                if (protector.Unprotect(stored.Value) is { } existing) return existing;
                logger.LogWarning("The stored value {Key} cannot be decrypted (the key ring or Storage:SecretsKey changed); a new one is made", key);
                var replacement = create();
                _settings.Put(new Setting(key, protector.Protect(replacement)));
                return replacement;
            }
            var value = create();
            var kept = _settings.Add(new Setting(key, protector.Protect(value)));
            return protector.Unprotect(kept.Value) ?? value;
        }
    }
}
