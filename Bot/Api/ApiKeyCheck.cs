using ChatPay.Bot.Operations;

namespace ChatPay.Bot.Api;

/// <summary>Lets a request through only with a configured X-Api-Key; every key is compared, each in constant time.</summary>
public sealed class ApiKeyCheck(ApiKeys keys, ILogger<ApiKeyCheck> logger) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[Header];
        var caller = presented.Count == 1 ? keys.Find(presented[0]) : null;
        if (caller is null)
        {
            logger.LogWarning("API call to {Path} refused: missing or unknown API key", context.HttpContext.Request.Path);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid X-Api-Key header is required.");
        }
        context.HttpContext.Items[typeof(ApiKey)] = caller;
        using (logger.BeginScope(new LogScope("ApiCaller", caller.Name)))
            return await next(context);
    }

    /// <summary>The key the request was let through with.</summary>
    public static ApiKey CallerOf(HttpContext context) =>
        context.Items[typeof(ApiKey)] as ApiKey ?? throw new InvalidOperationException("The API key check did not run for this request.");
}
