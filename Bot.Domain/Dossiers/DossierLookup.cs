using ChatPay.Domain.Chats;
using ChatPay.Domain.Security;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Dossiers;

/// <summary>
/// A look-up of a dossier by a code someone sent. Each unknown code counts against the chat, its client address and
/// the total; past a limit the look-up is refused until its window ends, whether the next code exists or not, so
/// trying codes in a loop — from one chat or from many new ones — learns nothing.
/// </summary>
/// <param name="SharedLimit">The refusal comes from the limit on the sender's network or on everyone, not this chat's own.</param>
/// <param name="LinkReplaced">Found by a one-tap link that a newer one replaced (the request was amended since).</param>
public sealed record DossierLookup(Dossier? Dossier, DateTimeOffset? RefusedUntil, bool SharedLimit = false, bool LinkReplaced = false)
{
    public static DossierLookup Find(IStoreSession session, LookupCaller caller, string code, DateTimeOffset now, CodeLookupRules rules) =>
        Guarded(session, caller, now, rules, () => new DossierLookup(session.Dossiers.Find(code), null));

    /// <summary>A look-up by a one-tap link's token: an unknown token counts like an unknown code, so guessing is refused too.</summary>
    public static DossierLookup FindByLink(IStoreSession session, LookupCaller caller, string token, DateTimeOffset now, CodeLookupRules rules) =>
        Guarded(session, caller, now, rules, () =>
            PayLink.LooksLikeToken(token) && session.PayLinks.Find(token) is { } link && session.Dossiers.Find(link.DossierCode) is { } dossier
                ? new DossierLookup(dossier, null, LinkReplaced: dossier.PayLinkToken != token)
                : new DossierLookup(null, null));

    private static DossierLookup Guarded(IStoreSession session, LookupCaller caller, DateTimeOffset now, CodeLookupRules rules, Func<DossierLookup> find)
    {
        var tally = session.LookupTallies.Find(caller.Chat.Key);
        if (tally?.RefusedUntil(now, rules) is { } until) return new DossierLookup(null, until);
        if (caller.Limits.RefusedUntil(LimitedAttempt.UnknownCode, caller.Chat, caller.Input, now) is { } sharedUntil)
            return new DossierLookup(null, sharedUntil, SharedLimit: true);
        var found = find();
        if (found.Dossier is null) Miss(session, caller, now, rules);
        return found;
    }

    /// <summary>Counts a wrong guess — an unknown code, or a wrong proof for a known one — against the chat, its address and the total.</summary>
    public static void Miss(IStoreSession session, LookupCaller caller, DateTimeOffset now, CodeLookupRules rules)
    {
        session.LookupTallies.Save(session.LookupTallies.Find(caller.Chat.Key)?.Missed(now, rules) ?? LookupTally.FirstMiss(caller.Chat.Key, now));
        caller.Limits.Count(LimitedAttempt.UnknownCode, caller.Chat, caller.Input);
    }
}
