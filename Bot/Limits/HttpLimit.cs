namespace ChatPay.Bot.Limits;

/// <summary>Which HTTP limit an endpoint is held to (endpoint metadata read by the rate limiter).</summary>
public enum HttpLimit
{
    OpenChat,
    Message,
    LongPoll,
}
