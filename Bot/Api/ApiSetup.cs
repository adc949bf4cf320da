using ChatPay.Bot.Hosting;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Security;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Api;

public static class ApiSetup
{
    public static WebApplicationBuilder AddPaymentRequestApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(sp => new ApiKeys(Keys(sp)));
        builder.Services.AddSingleton<ApiKeyCheck>();
        builder.Services.AddSingleton<PayLinkUrls>();
        return builder;
    }

    /// <summary>The configured keys; the demo, with none configured, makes one so the API can be tried (printed with the demo codes).</summary>
    private static IReadOnlyList<ApiKey> Keys(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IOptions<ApiOptions>>().Value.Keys;
        if (keys.Count > 0 || !services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled) return keys;
        var demoKey = services.GetRequiredService<HostSettings>().GetOrCreate("demo.apiKey", () => "demo-" + Secrets.NewToken());
        return [new ApiKey { Name = "demo", Key = demoKey }];
    }
}
