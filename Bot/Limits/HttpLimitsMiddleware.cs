using System.Globalization;
using System.Threading.RateLimiting;

namespace ChatPay.Bot.Limits;

/// <summary>
/// Holds every request to the HTTP limits (<see cref="HttpLimit"/>: per client address and in total) for as long as it
/// runs; a request over a limit gets a 429 with Retry-After and one sentence the web chat shows as it is.
/// </summary>
public sealed class HttpLimitsMiddleware(RequestDelegate next, PartitionedRateLimiter<HttpContext> limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // No queue: a request is let through or refused at once (a long poll's permit is held until it returns).
        using var lease = limiter.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            await RejectAsync(context.Response, lease, context.RequestAborted);
            return;
        }
        await next(context);
    }

    private static Task RejectAsync(HttpResponse response, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(5);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
        return response.WriteAsJsonAsync(new { error = "Có quá nhiều yêu cầu từ mạng của bạn. Vui lòng thử lại sau ít phút." }, cancellationToken);
    }
}
