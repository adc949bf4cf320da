using ChatPay.Domain.Reports;

namespace ChatPay.Domain.Storage;

public interface IGatewayChecks
{
    IReadOnlyList<GatewayCheck> OfDay(DateOnly day);
    void Save(GatewayCheck check);
}
