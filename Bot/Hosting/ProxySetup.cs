using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Hosting;

/// <summary>
/// Behind a reverse proxy, the client's address (for limits, and VNPay's vnp_IpAddr) and scheme come from the
/// forwarded headers — of the proxies named in App:KnownProxies only, so nobody else can claim another address.
/// </summary>
public static class ProxySetup
{
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<AppOptions>>().Value.KnownProxies;
        if (proxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = null };
        // The defaults trust loopback; only what is configured is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (IPAddress.TryParse(proxy, out var address)) options.KnownProxies.Add(address);
            else options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}
