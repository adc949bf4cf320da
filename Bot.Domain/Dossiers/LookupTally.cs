namespace ChatPay.Domain.Dossiers;

/// <summary>A chat's unknown-code tries in its current window, stored so a restart does not forgive them.</summary>
public sealed record LookupTally(string ChatKey, DateTimeOffset WindowStart, int Misses)
{
    /// <summary>When the chat may look codes up again, or null if it may now.</summary>
    public DateTimeOffset? RefusedUntil(DateTimeOffset now, CodeLookupRules rules) =>
        Misses >= rules.MaxMisses && now < WindowStart + rules.Window ? WindowStart + rules.Window : null;

    public LookupTally Missed(DateTimeOffset now, CodeLookupRules rules) =>
        now < WindowStart + rules.Window ? this with { Misses = Misses + 1 } : new LookupTally(ChatKey, now, 1);

    public static LookupTally FirstMiss(string chatKey, DateTimeOffset now) => new(chatKey, now, 1);
}
