using System.Threading.RateLimiting;
using ChatPay.Domain.Security;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Limits;

public static class LimitsSetup
{
    /// <summary>Per-address and total limits: <see cref="HttpLimitsMiddleware"/> for HTTP endpoints, <see cref="AttemptLimits"/> for the domain.</summary>
    public static WebApplicationBuilder AddLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AttemptLimits>();
        services.AddSingleton<IAttemptLimits>(sp => sp.GetRequiredService<AttemptLimits>());
        // ASP.NET Core's rate-limiting middleware keeps a partitioned limiter of its own for endpoint policies, which wakes
        // every 100 ms for as long as ChatPay runs; ChatPay has one global limit, applied by HttpLimitsMiddleware.
        services.AddSingleton<PartitionedRateLimiter<HttpContext>>(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<LimitsOptions>>().Value;
            return PartitionedRateLimiter.CreateChained(Partitioned(limits, perAddress: true), Partitioned(limits, perAddress: false));
        });
        return builder;
    }

    public static WebApplication UseLimits(this WebApplication app)
    {
        app.UseMiddleware<HttpLimitsMiddleware>();
        return app;
    }

    /// <summary>Holds an endpoint to one of the HTTP limits.</summary>
    public static TBuilder LimitedAs<TBuilder>(this TBuilder endpoint, HttpLimit limit) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(limit);

    /// <summary>A partition per limited kind of endpoint; with <paramref name="perAddress"/>, per client address too.</summary>
    private static PartitionedRateLimiter<HttpContext> Partitioned(LimitsOptions limits, bool perAddress) =>
        new QuietPartitionedLimiter<HttpContext, string>(context =>
        {
            if (LimitOf(context) is not { } limit) return RateLimitPartition.GetNoLimiter("");
            var key = perAddress ? $"{limit} {ClientAddress.Of(context)}" : limit.ToString();
            return limit switch
            {
                HttpLimit.OpenChat => Window(key, limits.OpenChats, perAddress),
                HttpLimit.Message => Window(key, limits.Messages, perAddress),
                _ => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = perAddress ? limits.LongPolls.PerAddress : limits.LongPolls.Total,
                    QueueLimit = 0,
                }),
            };
        });

    private static RateLimitPartition<string> Window(string key, WindowLimit limit, bool perAddress) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => AttemptLimits.Window(perAddress ? limit.PerAddress : limit.Total, limit.Window));

    private static HttpLimit? LimitOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.OfType<HttpLimit>().Select(limit => (HttpLimit?)limit).FirstOrDefault();
}
