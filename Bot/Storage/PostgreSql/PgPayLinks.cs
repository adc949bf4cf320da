using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.PostgreSql;

internal sealed class PgPayLinks(PgSession session) : IPayLinks
{
    private readonly PgTable<PayLink> _table = session.Table<PayLink>("pay_links", l => l.Token);

    public PayLink? Find(string token) => _table.Get(token);

    public void Save(PayLink link) => _table.Upsert(link);
}
