using ChatPay.Domain.Reports;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteGatewayChecks(LiteDatabase db) : IGatewayChecks
{
    public const string Collection = "gateway_checks";
    private readonly ILiteCollection<GatewayCheck> _checks = db.GetCollection<GatewayCheck>(Collection);

    public IReadOnlyList<GatewayCheck> OfDay(DateOnly day) => [.. _checks.Find(c => c.Day == day.ToString("yyyy-MM-dd"))];

    public void Save(GatewayCheck check) => _checks.Upsert(check);
}
