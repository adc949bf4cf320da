using System.Threading.RateLimiting;
using ChatPay.Domain.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Limits;

public static class LimitsSetup
{
    /// <summary>Per-address and total limits: ASP.NET Core's rate limiter for HTTP endpoints, <see cref="AttemptLimits"/> for the domain.</summary>
    public static WebApplicationBuilder AddLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AttemptLimits>();
        services.AddSingleton<IAttemptLimits>(sp => sp.GetRequiredService<AttemptLimits>());
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((rateLimiter, limits) =>
        {
            rateLimiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            rateLimiter.OnRejected = RejectAsync;
            rateLimiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(Partitioned(limits.Value, perAddress: true), Partitioned(limits.Value, perAddress: false));
        });
        return builder;
    }

    public static WebApplication UseLimits(this WebApplication app)
    {
        app.UseRateLimiter();
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

    /// <summary>A 429 with Retry-After where the limiter knows it, and one sentence the web chat shows as it is.</summary>
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(5);
        response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ValueTask(response.WriteAsJsonAsync(new { error = "Có quá nhiều yêu cầu từ mạng của bạn. Vui lòng thử lại sau ít phút." }, cancellationToken));
    }
}
