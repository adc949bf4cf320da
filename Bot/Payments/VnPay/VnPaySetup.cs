using ChatPay.Bot.Health;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>VNPay: offered with its credentials when live, and always in the sandbox, whose embedded bank speaks its protocol.</summary>
public static class VnPaySetup
{
    private const string SandboxTmnCode = "CHATPAY1";
    private const string MerchantKey = $"{VnPayOptions.Section}:{nameof(VnPayOptions.TmnCode)}";

    public static readonly GatewayModules.Module Module = new(
        VnPayAdapter.GatewayName,
        VnPayOptions.Section,
        typeof(VnPayOptions),
        MerchantKey,
        (configuration, kind) => kind == GatewayKind.Sandbox || GatewayModules.HasValue(configuration, MerchantKey),
        DefaultChoices(),
        builder => builder.AddVnPay(),
        app => app.MapVnPayModule());

    /// <summary>Codes VNPay's payment page accepts as vnp_BankCode.</summary>
    private static IReadOnlyList<BankOption> DefaultChoices() =>
    [
        new("VCB", "Vietcombank", "VIETCOMBANK", VnPayAdapter.GatewayName),
        new("CTG", "VietinBank", "VIETINBANK", VnPayAdapter.GatewayName),
        new("BIDV", "BIDV", "BIDV", VnPayAdapter.GatewayName),
        new("AGR", "Agribank", "AGRIBANK", VnPayAdapter.GatewayName),
        new("TCB", "Techcombank", "TECHCOMBANK", VnPayAdapter.GatewayName),
        new("MB", "MB Bank", "MBBANK", VnPayAdapter.GatewayName),
        new("QR", "Ví điện tử / quét mã VNPAY-QR", "VNPAYQR", VnPayAdapter.GatewayName),
        new("ATM", "Thẻ ATM, tài khoản ngân hàng khác", "VNBANK", VnPayAdapter.GatewayName),
    ];

    private static WebApplicationBuilder AddVnPay(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var sandbox = PaymentsSetup.Kind(builder.Configuration) == GatewayKind.Sandbox;
        services.AddOptions<VnPayOptions>().BindConfiguration(VnPayOptions.Section).ValidateOnStart();
        // The sandbox needs none of VNPay's credentials.
        if (!sandbox) services.AddSingleton<IValidateOptions<VnPayOptions>, VnPayOptions.Check>();
        services.AddSingleton(CreateMerchant);
        services.AddSingleton<VnPayMessages>();
        services.AddHttpClient<VnPayStatusClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<VnPayRefunds>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddKeyedTransient<IPaymentGateway, VnPayAdapter>(VnPayAdapter.GatewayName);
        if (!sandbox)
        {
            services.AddReachabilityCheck(VnPayAdapter.Service);
            return builder;
        }

        services.AddSingleton<SandboxBank>();
        services.AddSingleton<SandboxStatusApi>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PaymentsOptions>>().Value.Sandbox;
            var url = options.IpnUrl.Length > 0 ? options.IpnUrl : sp.GetRequiredService<AppLinks>().Absolute(VnPayEndpoints.IpnPath);
            return new SandboxIpnTarget(url, options.IpnRetryInterval, options.IpnMaxAttempts, options.IpnMode, options.IpnDelay);
        });
        services.AddHttpClient<SandboxIpnSender>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddLeaderService<SandboxIpnRetryService>();
        services.AddHealthChecks().AddCheck(VnPayAdapter.Service, () => HealthCheckResult.Healthy("the embedded sandbox: no money moves"));
        return builder;
    }

    private static WebApplication MapVnPayModule(this WebApplication app)
    {
        app.MapVnPay();
        if (PaymentsSetup.Kind(app.Configuration) == GatewayKind.Sandbox) app.MapSandboxGateway();
        return app;
    }

    private static VnPayMerchant CreateMerchant(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<VnPayOptions>>().Value;
        var links = services.GetRequiredService<AppLinks>();
        var returnUrl = links.Absolute(VnPayEndpoints.ReturnPath);
        if (PaymentsSetup.Kind(services.GetRequiredService<IConfiguration>()) != GatewayKind.Sandbox)
            return new VnPayMerchant(options.TmnCode, options.HashSecret, options.PaymentUrl, options.ApiUrl, returnUrl);

        // The sandbox's secret is made once and kept, so IPNs signed before a restart still verify after it.
        var secret = services.GetRequiredService<HostSettings>().GetOrCreate("sandbox.hashSecret", Secrets.NewToken);
        return new VnPayMerchant(SandboxTmnCode, secret, links.Absolute(SandboxEndpoints.PaymentPath), links.Absolute(SandboxEndpoints.ApiPath), returnUrl);
    }
}
