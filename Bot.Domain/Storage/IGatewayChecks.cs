using ChatPay.Domain.Reports;

namespace ChatPay.Domain.Storage;

public interface IGatewayChecks
{
    GatewayCheck? Find(string id);
    IReadOnlyList<GatewayCheck> OfDay(DateOnly day);
    void Save(GatewayCheck check);
}
