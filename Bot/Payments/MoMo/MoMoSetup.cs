using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments.MoMo;

/// <summary>MoMo: offered when Payments:MoMo:PartnerCode is set (live, or beside the sandbox with its test environment).</summary>
public static class MoMoSetup
{
    public static readonly GatewayModules.Module Module = new(
        MoMoAdapter.GatewayName,
        MoMoOptions.Section,
        typeof(MoMoOptions),
        (configuration, _) => GatewayModules.HasValue(configuration, $"{MoMoOptions.Section}:{nameof(MoMoOptions.PartnerCode)}"),
        [new BankOption("MOMO", "Ví MoMo", null, MoMoAdapter.GatewayName)],
        builder => builder.AddWallet<MoMoAdapter, MoMoOptions, MoMoOptions.Check>(MoMoAdapter.GatewayName, MoMoOptions.Section, MoMoAdapter.Service),
        app => app.MapMoMo());
}
