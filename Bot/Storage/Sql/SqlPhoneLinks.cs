using ChatPay.Domain.Notices;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlPhoneLinks(SqlSession session) : IPhoneLinks
{
    private readonly SqlTable<PhoneLink> _table = session.Table<PhoneLink>("phone_links", l => l.ChatKey, ("phone_hash", l => l.PhoneHash));

    public PhoneLink? Of(string chatKey) => _table.Get(chatKey);

    public IReadOnlyList<PhoneLink> WithHash(string phoneHash) => _table.Where("phone_hash = @p0", "ORDER BY id", phoneHash);

    public void Save(PhoneLink link) => _table.Upsert(link);

    public void Delete(string chatKey) => _table.Delete(chatKey);
}
