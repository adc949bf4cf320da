using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlPayLinks(SqlSession session) : IPayLinks
{
    private readonly SqlTable<PayLink> _table = session.Table<PayLink>("pay_links", l => l.Token);

    public PayLink? Find(string token) => _table.Get(token);

    public void Save(PayLink link) => _table.Upsert(link);
}
