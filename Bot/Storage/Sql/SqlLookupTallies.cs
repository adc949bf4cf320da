using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlLookupTallies(SqlSession session) : ILookupTallies
{
    private readonly SqlTable<LookupTally> _table = session.Table<LookupTally>("lookup_tallies", t => t.ChatKey, ("window_start", t => t.WindowStart));

    public LookupTally? Find(string chatKey) => _table.Get(chatKey);

    public void Save(LookupTally tally) => _table.Upsert(tally);
}
