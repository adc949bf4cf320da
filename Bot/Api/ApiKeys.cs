namespace ChatPay.Bot.Api;

/// <summary>The API keys in force: the configured ones, or the demo's.</summary>
public sealed record ApiKeys(IReadOnlyList<ApiKey> All);
