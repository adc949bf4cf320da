using ChatPay.Bot.Payments.Sandbox.Wallets;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments.ZaloPay;

/// <summary>
/// ZaloPay: offered when Payments:ZaloPay:AppId is set, and with the sandbox, where the embedded sandbox plays ZaloPay
/// unless the section names a merchant app of its own (ZaloPay's sandbox, say).
/// </summary>
public static class ZaloPaySetup
{
    private const string MerchantKey = $"{ZaloPayOptions.Section}:{nameof(ZaloPayOptions.AppId)}";

    /// <summary>The app id the embedded sandbox knows ChatPay by.</summary>
    private const string SandboxAppId = "10001";

    public static readonly GatewayModules.Module Module = new(
        ZaloPayAdapter.GatewayName,
        ZaloPayOptions.Section,
        typeof(ZaloPayOptions),
        MerchantKey,
        (configuration, kind) => kind == GatewayKind.Sandbox || GatewayModules.HasValue(configuration, MerchantKey),
        [new BankOption("ZALOPAY", "Ví ZaloPay", null, ZaloPayAdapter.GatewayName)],
        Add,
        Map);

    private static void Add(WebApplicationBuilder builder)
    {
        builder.AddWallet<ZaloPayAdapter, ZaloPayOptions, ZaloPayOptions.Check>(ZaloPayAdapter.GatewayName, ZaloPayOptions.Section, ZaloPayAdapter.Service);
        if (SandboxWalletSetup.Embedded(builder.Configuration, MerchantKey))
            builder.AddWalletSandbox<ZaloPaySandbox, ZaloPayOptions>((options, secret, links) =>
            {
                (options.AppId, options.Key1, options.Key2) = (SandboxAppId, secret("key1"), secret("key2"));
                options.ApiUrl = links.Absolute(ZaloPaySandbox.ApiPath);
            });
    }

    private static void Map(WebApplication app)
    {
        app.MapZaloPay();
        if (SandboxWalletSetup.Embedded(app.Configuration, MerchantKey)) ZaloPaySandbox.MapZaloPaySandbox(app);
    }
}
