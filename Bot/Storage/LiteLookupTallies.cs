using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteLookupTallies(LiteDatabase db) : ILookupTallies
{
    public const string Collection = "lookup_tallies";
    public const string WindowStart = nameof(LookupTally.WindowStart);
    private readonly ILiteCollection<LookupTally> _tallies = db.GetCollection<LookupTally>(Collection);

    public LookupTally? Find(string chatKey) => _tallies.Get(chatKey);

    public void Save(LookupTally tally) => _tallies.Upsert(tally);
}
