using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Dossiers;

/// <summary>
/// A citizen's look-up of a dossier by the code they typed. Each unknown code counts against the chat; past the
/// limit the chat is refused until its window ends, whether the next code exists or not, so trying codes in a loop
/// learns nothing.
/// </summary>
public sealed record DossierLookup(Dossier? Dossier, DateTimeOffset? RefusedUntil)
{
    public static DossierLookup Find(IStoreSession session, ChatAddress chat, string code, DateTimeOffset now, CodeLookupRules rules)
    {
        var tally = session.LookupTallies.Find(chat.Key);
        if (tally?.RefusedUntil(now, rules) is { } until) return new DossierLookup(null, until);
        var dossier = session.Dossiers.Find(code);
        if (dossier is null)
            session.LookupTallies.Save(tally?.Missed(now, rules) ?? LookupTally.FirstMiss(chat.Key, now));
        return new DossierLookup(dossier, null);
    }
}
