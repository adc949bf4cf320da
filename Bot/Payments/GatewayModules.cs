using ChatPay.Bot.Payments.MoMo;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Payments.ZaloPay;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

/// <summary>
/// The payment gateways the host can compose: each one's name, settings section, whether this deployment offers it,
/// the choices it adds to the bank list by default, how it is added to the services (its <see cref="IPaymentGateway"/>
/// keyed by name) and how its callback endpoints are mapped. Adding a gateway is its folder and one line here.
/// </summary>
public static class GatewayModules
{
    /// <param name="MerchantKey">The setting that names the merchant: with it, the gateway is offered live.</param>
    public sealed record Module(
        string Name,
        string Section,
        Type Options,
        string MerchantKey,
        Func<IConfiguration, GatewayKind, bool> Offered,
        IReadOnlyList<BankOption> DefaultChoices,
        Action<WebApplicationBuilder> Add,
        Action<WebApplication> Map);

    public static readonly IReadOnlyList<Module> All = [VnPaySetup.Module, MoMoSetup.Module, ZaloPaySetup.Module];

    /// <summary>The modules offered under <paramref name="kind"/> with these settings, in <see cref="All"/>'s order.</summary>
    public static IReadOnlyList<Module> Offered(IConfiguration configuration, GatewayKind kind) => [.. All.Where(m => m.Offered(configuration, kind))];

    /// <summary>Whether a gateway's section names its merchant (the field that says the rest should be there too).</summary>
    public static bool HasValue(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
