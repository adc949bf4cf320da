using ChatPay.Bot.Demo;
using ChatPay.Bot.Health;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments;

public static class PaymentsSetup
{
    private const string SandboxTmnCode = "CHATPAY1";

    /// <summary>The name the gateway's reachability (its status API) is reported and checked under.</summary>
    public const string Service = "gateway";

    /// <summary>The VNPay adapter, pointed at VNPay or at the embedded sandbox (Payments:Gateway).</summary>
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<DemoOptions>>((payments, demo) => payments.Gateway != GatewayKind.VnPay || !demo.Value.Enabled,
                "Demo:Enabled must be false when Payments:Gateway is VnPay: demo dossiers must never take real money.")
            .Validate<IOptions<DemoOptions>>((payments, demo) => payments.Gateway != GatewayKind.Sandbox || demo.Value.Enabled,
                "Payments:Gateway is Sandbox (the default), which moves no money and runs only with the demo: set Payments:Gateway to VnPay with its credentials, or Demo:Enabled to true.")
            .ValidateOnStart();
        services.AddSingleton(CreateMerchant);
        services.AddSingleton<VnPayGateway>();
        services.AddHttpClient<VnPayStatusClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<Reconciliation>();
        services.AddHostedService<ReconciliationService>();

        if (Gateway(builder) == GatewayKind.Sandbox)
        {
            services.AddSingleton<SandboxBank>();
            services.AddSingleton<SandboxStatusApi>();
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<PaymentsOptions>>().Value.Sandbox;
                var url = options.IpnUrl.Length > 0 ? options.IpnUrl : sp.GetRequiredService<AppLinks>().Absolute(VnPayEndpoints.IpnPath);
                return new SandboxIpnTarget(url, options.IpnRetryInterval, options.IpnMaxAttempts, options.IpnMode, options.IpnDelay);
            });
            services.AddHttpClient<SandboxIpnSender>(http => http.Timeout = TimeSpan.FromSeconds(30));
            services.AddHostedService<SandboxIpnRetryService>();
            services.AddHealthChecks().AddCheck(Service, () => HealthCheckResult.Healthy("the embedded sandbox: no money moves"));
        }
        else services.AddReachabilityCheck(Service);
        return builder;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        app.MapPaymentLinks();
        app.MapVnPay();
        if (Gateway(app.Configuration) == GatewayKind.Sandbox) app.MapSandboxGateway();
        return app;
    }

    private static GatewayKind Gateway(WebApplicationBuilder builder) => Gateway(builder.Configuration);

    private static GatewayKind Gateway(IConfiguration configuration) =>
        configuration.GetSection(PaymentsOptions.Section).Get<PaymentsOptions>()?.Gateway ?? GatewayKind.Sandbox;

    private static VnPayMerchant CreateMerchant(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PaymentsOptions>>().Value;
        var links = services.GetRequiredService<AppLinks>();
        var returnUrl = links.Absolute(VnPayEndpoints.ReturnPath);
        if (options.Gateway == GatewayKind.VnPay)
            return new VnPayMerchant(options.VnPay.TmnCode, options.VnPay.HashSecret, options.VnPay.PaymentUrl, options.VnPay.ApiUrl, returnUrl);

        // The sandbox's secret is made once and kept, so IPNs signed before a restart still verify after it.
        var secret = services.GetRequiredService<HostSettings>().GetOrCreate("sandbox.hashSecret", Secrets.NewToken);
        return new VnPayMerchant(SandboxTmnCode, secret, links.Absolute(SandboxEndpoints.PaymentPath), links.Absolute(SandboxEndpoints.ApiPath), returnUrl);
    }
}
