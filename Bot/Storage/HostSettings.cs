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
        if (_settings.Get(key) is { } known && protector.Unprotect(known.Value) is { } value) return value;
        // Made outside the step: some callers do their own once-only work in it.
        var fresh = new Setting(key, protector.Protect(create()));
        var kept = _settings.Update(key, stored =>
        {
            if (stored is not null && protector.Unprotect(stored.Value) is not null) return stored;
            if (stored is not null)
                logger.LogWarning("The stored value {Key} cannot be decrypted (the key ring or Storage:SecretsKey changed); a new one is made", key);
            return fresh;
        });
        return protector.Unprotect(kept.Value)!;
    }
}
