using ChatPay.Bot.Hosting;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Payments.Sandbox.Wallets;
using ChatPay.Domain.Payments;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments;

public static class PaymentsSetup
{
    /// <summary>
    /// The gateways this deployment offers (<see cref="GatewayModules"/>), the port they are found through, the shared
    /// callback handling, and the status checks of attempts whose result never came.
    /// </summary>
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var offered = GatewayModules.Offered(builder.Configuration, Kind(builder.Configuration));
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<DemoOptions>>((payments, demo) => payments.Gateway != GatewayKind.Live || !demo.Value.Enabled,
                "Demo:Enabled must be false when Payments:Gateway is Live: demo dossiers must never take real money.")
            .Validate<IOptions<DemoOptions>>((payments, demo) => payments.Gateway != GatewayKind.Sandbox || demo.Value.Enabled,
                $"Payments:Gateway is Sandbox (the default), which moves no money and runs only with the demo: set Payments:Gateway to Live with a gateway's credentials ({Sections}), or Demo:Enabled to true.")
            .Validate(_ => offered.Count > 0,
                $"Payments:Gateway is Live but no gateway has credentials: set one of {string.Join(", ", GatewayModules.All.Select(m => m.MerchantKey))} with the rest of its section.")
            .Validate(payments => payments.UnofferedChoice(offered) is null,
                $"Payments:Banks: a choice names a gateway this deployment does not offer; offered: {string.Join(", ", offered.Select(m => m.Name))}.")
            .ValidateOnStart();
        services.AddSingleton(new OfferedGateways(offered.Select(m => m.Name).ToHashSet()));
        services.AddSingleton<PaymentGateways>();
        services.AddSingleton<GatewayCallbacks>();
        services.AddSingleton<GatewayCalls>();
        foreach (var module in offered) module.Add(builder);
        if (Kind(builder.Configuration) == GatewayKind.Sandbox) services.AddWalletSandboxes();
        services.AddSingleton<Reconciliation>();
        services.AddLeaderService<ReconciliationService>();
        return builder;
    }

    private static string Sections => string.Join(", ", GatewayModules.All.Select(m => m.Section));

    public static WebApplication MapPayments(this WebApplication app)
    {
        app.MapPaymentLinks();
        foreach (var module in GatewayModules.Offered(app.Configuration, Kind(app.Configuration))) module.Map(app);
        if (Kind(app.Configuration) == GatewayKind.Sandbox) app.MapSandboxWalletPages();
        return app;
    }

    /// <summary>Payments:Gateway as configured, read before the options are bound (it decides what is registered).</summary>
    public static GatewayKind Kind(IConfiguration configuration) =>
        configuration.GetSection(PaymentsOptions.Section).Get<PaymentsOptions>()?.Gateway ?? GatewayKind.Sandbox;

    /// <summary>The choices offered: Payments:Banks as configured, or each offered gateway's own.</summary>
    public static IReadOnlyList<BankOption> Choices(PaymentsOptions options, IConfiguration configuration) =>
        options.ChoicesFor(GatewayModules.Offered(configuration, Kind(configuration)));
}
