namespace ChatPay.Fakes.Telegram;

/// <summary>An ok:false answer, thrown from anywhere in a method's handling and written by <see cref="ApiEndpoint"/>.</summary>
internal sealed class ApiError(int code, string description, int? retryAfter = null) : Exception(description)
{
    public int Code { get; } = code;

    public string Description { get; } = description;

    public int? RetryAfter { get; } = retryAfter;

    public static ApiError BadRequest(string detail) => new(400, $"Bad Request: {detail}");

    public static ApiError Forbidden(string detail) => new(403, $"Forbidden: {detail}");

    public static ApiError Conflict(string detail) => new(409, $"Conflict: {detail}");

    public static ApiError TooManyRequests(int retryAfter) => new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
}
