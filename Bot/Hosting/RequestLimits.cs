using Microsoft.AspNetCore.Http.Features;

namespace ChatPay.Bot.Hosting;

/// <summary>
/// Limits for every request before any endpoint sees it. Endpoints that take bodies set their own, smaller or (the
/// Telegram webhook) larger, limit; whatever does not is held to <see cref="MaxBodyBytes"/>.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            // A VNPay callback's query string is about 1 KB; nothing ChatPay serves needs a longer line or many headers.
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 50;
        });
        return builder;
    }

    /// <summary>
    /// Refuses a declared body over the endpoint's limit before anything runs, also where the endpoint would not read
    /// it (Kestrel enforces the limit only as a body is read). Runs after routing, which applies each endpoint's own limit.
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit && context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(context);
        });
        return app;
    }
}
