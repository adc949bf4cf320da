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
            rateLimiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerAddress(limits.Value), Total(limits.Value));
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

    private static PartitionedRateLimiter<HttpContext> PerAddress(LimitsOptions limits) => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        var address = ClientAddress.Of(context);
        return LimitOf(context) switch
        {
            HttpLimit.OpenChat => RateLimitPartition.GetFixedWindowLimiter("open " + address, _ => AttemptLimits.Window(limits.OpenChats.PerAddress, limits.OpenChats.Window)),
            HttpLimit.Message => RateLimitPartition.GetFixedWindowLimiter("send " + address, _ => AttemptLimits.Window(limits.Messages.PerAddress, limits.Messages.Window)),
            HttpLimit.LongPoll => RateLimitPartition.GetConcurrencyLimiter("poll " + address, _ => Concurrency(limits.LongPolls.PerAddress)),
            _ => RateLimitPartition.GetNoLimiter(""),
        };
    });

    private static PartitionedRateLimiter<HttpContext> Total(LimitsOptions limits) => PartitionedRateLimiter.Create<HttpContext, string>(context => LimitOf(context) switch
    {
        HttpLimit.OpenChat => RateLimitPartition.GetFixedWindowLimiter("open", _ => AttemptLimits.Window(limits.OpenChats.Total, limits.OpenChats.Window)),
        HttpLimit.Message => RateLimitPartition.GetFixedWindowLimiter("send", _ => AttemptLimits.Window(limits.Messages.Total, limits.Messages.Window)),
        HttpLimit.LongPoll => RateLimitPartition.GetConcurrencyLimiter("poll", _ => Concurrency(limits.LongPolls.Total)),
        _ => RateLimitPartition.GetNoLimiter(""),
    });

    private static HttpLimit? LimitOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.OfType<HttpLimit>().Select(limit => (HttpLimit?)limit).FirstOrDefault();

    private static ConcurrencyLimiterOptions Concurrency(int permits) => new() { PermitLimit = permits, QueueLimit = 0 };

    /// <summary>A 429 with Retry-After where the limiter knows it, and one sentence the web chat shows as it is.</summary>
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(5);
        response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ValueTask(response.WriteAsJsonAsync(new { error = "Có quá nhiều yêu cầu từ mạng của bạn. Vui lòng thử lại sau ít phút." }, cancellationToken));
    }
}
