using ChatPay.Domain.Receipts;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteReceipts(LiteDatabase db) : IReceipts
{
    public const string Collection = "receipts";
    private readonly ILiteCollection<Receipt> _receipts = db.GetCollection<Receipt>(Collection);
    public const string CountersCollection = "receipt_counters";
    private readonly ILiteCollection<BsonDocument> _counters = db.GetCollection(CountersCollection);

    public Receipt? Find(string id) => _receipts.Get(id);

    public Receipt? FindByAccessToken(string token) => _receipts.Where(nameof(Receipt.AccessToken), token).FirstOrDefault();

    public Receipt? FindByLookupCode(string lookupCode) => _receipts.Where(nameof(Receipt.LookupCode), lookupCode).FirstOrDefault();

    /// <summary>The real series' counter is the year (as it always was); the trial series' is "trial-{year}".</summary>
    public int TakeNextNumber(int year, bool trial = false)
    {
        var id = trial ? new BsonValue($"trial-{year}") : new BsonValue(year);
        var counter = _counters.Get(id) ?? new BsonDocument { ["_id"] = id, ["last"] = 0 };
        var next = counter["last"].AsInt32 + 1;
        counter["last"] = next;
        _counters.Upsert(counter);
        return next;
    }

    public void Add(Receipt receipt) => _receipts.Insert(receipt);
}
