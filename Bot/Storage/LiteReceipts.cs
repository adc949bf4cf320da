using ChatPay.Domain.Receipts;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteReceipts(LiteDatabase db) : IReceipts
{
    public const string Collection = "receipts";
    private readonly ILiteCollection<Receipt> _receipts = db.GetCollection<Receipt>(Collection);
    private readonly ILiteCollection<BsonDocument> _counters = db.GetCollection("receipt_counters");

    public Receipt? Find(string id) => _receipts.Get(id);

    public Receipt? FindByAccessToken(string token) => _receipts.Where(nameof(Receipt.AccessToken), token).FirstOrDefault();

    public int TakeNextNumber(int year)
    {
        var counter = _counters.Get(year) ?? new BsonDocument { ["_id"] = year, ["last"] = 0 };
        var next = counter["last"].AsInt32 + 1;
        counter["last"] = next;
        _counters.Upsert(counter);
        return next;
    }

    public void Add(Receipt receipt) => _receipts.Insert(receipt);
}
