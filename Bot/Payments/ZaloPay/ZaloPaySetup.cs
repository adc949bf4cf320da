using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments.ZaloPay;

/// <summary>ZaloPay: offered when Payments:ZaloPay:AppId is set (live, or beside the sandbox with its own).</summary>
public static class ZaloPaySetup
{
    public static readonly GatewayModules.Module Module = new(
        ZaloPayAdapter.GatewayName,
        ZaloPayOptions.Section,
        typeof(ZaloPayOptions),
        (configuration, _) => GatewayModules.HasValue(configuration, $"{ZaloPayOptions.Section}:{nameof(ZaloPayOptions.AppId)}"),
        [new BankOption("ZALOPAY", "Ví ZaloPay", null, ZaloPayAdapter.GatewayName)],
        builder => builder.AddWallet<ZaloPayAdapter, ZaloPayOptions, ZaloPayOptions.Check>(ZaloPayAdapter.GatewayName, ZaloPayOptions.Section, ZaloPayAdapter.Service),
        app => app.MapZaloPay());
}
