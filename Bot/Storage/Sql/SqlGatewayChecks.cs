using ChatPay.Domain.Reports;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlGatewayChecks(SqlSession session) : IGatewayChecks
{
    private readonly SqlTable<GatewayCheck> _table = session.Table<GatewayCheck>("gateway_checks", c => c.Id, ("day", c => c.Day));

    public IReadOnlyList<GatewayCheck> OfDay(DateOnly day) => _table.Where("day = @p0", "ORDER BY id", day.ToString("yyyy-MM-dd"));

    public void Save(GatewayCheck check) => _table.Upsert(check);
}
