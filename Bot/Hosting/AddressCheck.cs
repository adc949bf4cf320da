using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Hosting;

/// <summary>
/// Links are built on App:PublicBaseUrl. When that names this machine (a demo, a test) but a port ChatPay does not
/// listen on — `--urls` changed without it — every link would silently point elsewhere: say so once at start.
/// </summary>
public static class AddressCheck
{
    public static WebApplication WarnOnAddressMismatch(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var publicUrl = new Uri(app.Services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl);
            if (!publicUrl.IsLoopback) return;
            var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var ports = listening.Select(a => Uri.TryCreate(a.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var u) ? u.Port : -1);
            if (!ports.Contains(publicUrl.Port))
                app.Logger.LogWarning("App:PublicBaseUrl is {PublicBaseUrl} but ChatPay listens on {Listening}: links would point elsewhere. " +
                    "Change both together, e.g. --urls http://localhost:5090 --App:PublicBaseUrl=http://localhost:5090", publicUrl, string.Join(", ", listening));
        });
        return app;
    }
}
