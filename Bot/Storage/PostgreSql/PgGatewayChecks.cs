using ChatPay.Domain.Reports;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.PostgreSql;

internal sealed class PgGatewayChecks(PgSession session) : IGatewayChecks
{
    private readonly PgTable<GatewayCheck> _table = session.Table<GatewayCheck>("gateway_checks", c => c.Id, ("day", c => c.Day));

    public IReadOnlyList<GatewayCheck> OfDay(DateOnly day) => _table.Where("day = @p0", "ORDER BY id", day.ToString("yyyy-MM-dd"));

    public void Save(GatewayCheck check) => _table.Upsert(check);
}
