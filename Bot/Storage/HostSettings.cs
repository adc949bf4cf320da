using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>Values the host generates once and must keep across restarts (the sandbox's secret, demo enrollment codes).</summary>
public sealed class HostSettings(LiteDbStore store)
{
    private sealed record Setting(string Id, string Value);

    private readonly ILiteCollection<Setting> _settings = store.Collection<Setting>("settings");

    public string? Get(string key) => _settings.Get(key)?.Value;

    /// <summary>Returns the stored value, or stores and returns a new one made by <paramref name="create"/>.</summary>
    public string GetOrCreate(string key, Func<string> create)
    {
        lock (_settings)
        {
            if (Get(key) is { } existing) return existing;
            var value = create();
            _settings.Insert(new Setting(key, value));
            return value;
        }
    }

    public void Set(string key, string value) => _settings.Upsert(new Setting(key, value));
}
