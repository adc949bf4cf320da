using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LitePayLinks(LiteDatabase db) : IPayLinks
{
    public const string Collection = "pay_links";
    private readonly ILiteCollection<PayLink> _links = db.GetCollection<PayLink>(Collection);

    public PayLink? Find(string token) => _links.FindById(token);

    public void Save(PayLink link) => _links.Upsert(link);
}
