using ChatPay.Domain.Notices;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LitePhoneLinks(LiteDatabase db) : IPhoneLinks
{
    public const string Collection = "phone_links";
    private readonly ILiteCollection<PhoneLink> _links = db.GetCollection<PhoneLink>(Collection);

    public PhoneLink? Of(string chatKey) => _links.FindById(chatKey);

    public IReadOnlyList<PhoneLink> WithHash(string phoneHash) => [.. _links.Find(l => l.PhoneHash == phoneHash)];

    public void Save(PhoneLink link) => _links.Upsert(link);

    public void Delete(string chatKey) => _links.Delete(chatKey);
}
