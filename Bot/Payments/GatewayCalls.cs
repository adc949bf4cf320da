using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;

namespace ChatPay.Bot.Payments;

/// <summary>A call to a wallet's JSON API, timed, with the gateway's reachability (its /health check) kept from the outcome.</summary>
public sealed class GatewayCalls(Reachability reachability, ChatPayMetrics metrics, TimeProvider clock, ILogger<GatewayCalls> logger)
{
    /// <summary>The answer's fields, or null when the gateway gave no usable answer (logged, and counted against its health).</summary>
    public async Task<Dictionary<string, string>?> PostAsync(HttpClient http, string service, string url, object body, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            var answer = await GatewayJson.PostAsync(http, url, body, cancellationToken);
            metrics.GatewayAnswered(clock.GetElapsedTime(started), "answered");
            reachability.Answered(service);
            return answer;
        }
        catch (GatewayUnreachable e)
        {
            metrics.GatewayAnswered(clock.GetElapsedTime(started), "failed");
            reachability.Failed(service, e.Message);
            logger.LogWarning("{Service} gave no usable answer at {Path} ({Reason})", service, new Uri(url).AbsolutePath, e.Message);
            return null;
        }
    }
}
