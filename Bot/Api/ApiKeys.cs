using ChatPay.Domain.Security;

namespace ChatPay.Bot.Api;

/// <summary>The API keys in force: the configured ones, or the demo's.</summary>
public sealed record ApiKeys(IReadOnlyList<ApiKey> All)
{
    /// <summary>The key presented, or null; every key is compared, each in constant time, so the time taken says nothing.</summary>
    public ApiKey? Find(string? presented) =>
        presented is null ? null : All.Aggregate((ApiKey?)null, (found, k) => Secrets.Equal(presented, k.Key) ? k : found);
}
