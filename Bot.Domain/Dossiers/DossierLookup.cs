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
public sealed record DossierLookup(Dossier? Dossier, DateTimeOffset? RefusedUntil, bool SharedLimit = false)
{
    public static DossierLookup Find(IStoreSession session, LookupCaller caller, string code, DateTimeOffset now, CodeLookupRules rules)
    {
        var tally = session.LookupTallies.Find(caller.Chat.Key);
        if (tally?.RefusedUntil(now, rules) is { } until) return new DossierLookup(null, until);
        if (caller.Limits.RefusedUntil(LimitedAttempt.UnknownCode, caller.Chat, caller.Input, now) is { } sharedUntil)
            return new DossierLookup(null, sharedUntil, SharedLimit: true);
        var dossier = session.Dossiers.Find(code);
        if (dossier is null) Miss(session, caller, now, rules);
        return new DossierLookup(dossier, null);
    }

    /// <summary>Counts a wrong guess — an unknown code, or a wrong proof for a known one — against the chat, its address and the total.</summary>
    public static void Miss(IStoreSession session, LookupCaller caller, DateTimeOffset now, CodeLookupRules rules)
    {
        session.LookupTallies.Save(session.LookupTallies.Find(caller.Chat.Key)?.Missed(now, rules) ?? LookupTally.FirstMiss(caller.Chat.Key, now));
        caller.Limits.Count(LimitedAttempt.UnknownCode, caller.Chat, caller.Input);
    }
}
