using ChatPay.Bot.Payments.Sandbox.Wallets;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments.MoMo;

/// <summary>
/// MoMo: offered when Payments:MoMo:PartnerCode is set, and with the sandbox, where the embedded sandbox plays MoMo
/// unless the section names a merchant of its own (MoMo's test environment, say).
/// </summary>
public static class MoMoSetup
{
    private const string MerchantKey = $"{MoMoOptions.Section}:{nameof(MoMoOptions.PartnerCode)}";

    public static readonly GatewayModules.Module Module = new(
        MoMoAdapter.GatewayName,
        MoMoOptions.Section,
        typeof(MoMoOptions),
        MerchantKey,
        (configuration, kind) => kind == GatewayKind.Sandbox || GatewayModules.HasValue(configuration, MerchantKey),
        [new BankOption("MOMO", "Ví MoMo", null, MoMoAdapter.GatewayName)],
        Add,
        Map);

    private static void Add(WebApplicationBuilder builder)
    {
        builder.AddWallet<MoMoAdapter, MoMoOptions, MoMoOptions.Check>(MoMoAdapter.GatewayName, MoMoOptions.Section, MoMoAdapter.Service);
        if (SandboxWalletSetup.Embedded(builder.Configuration, MerchantKey))
            builder.AddWalletSandbox<MoMoSandbox, MoMoOptions>((options, secret, links) =>
            {
                (options.PartnerCode, options.AccessKey, options.SecretKey) = ("CHATPAYSANDBOX", secret("accessKey"), secret("secretKey"));
                options.ApiUrl = links.Absolute(MoMoSandbox.ApiPath);
            });
    }

    private static void Map(WebApplication app)
    {
        app.MapMoMo();
        if (SandboxWalletSetup.Embedded(app.Configuration, MerchantKey)) MoMoSandbox.MapMoMoSandbox(app);
    }
}
