using System.Collections.Concurrent;

namespace ChatPay.Bot.Health;

/// <summary>
/// What the bot last heard from each outside service it calls (Telegram, Zalo, the gateway, the portal): adapters
/// report every answer and every failure to get one, and <see cref="ReachabilityHealthCheck"/> reads it.
/// </summary>
public sealed class Reachability(TimeProvider clock)
{
    public sealed record Status(DateTimeOffset? LastAnswer, DateTimeOffset? LastFailure, int FailuresInARow, string? LastError);

    private readonly ConcurrentDictionary<string, Status> _services = new();

    /// <summary>The service answered (whatever it said: a refusal for one chat still shows it is there).</summary>
    public void Answered(string service) =>
        _services.AddOrUpdate(service, _ => new Status(clock.GetUtcNow(), null, 0, null), (_, s) => s with { LastAnswer = clock.GetUtcNow(), FailuresInARow = 0 });

    /// <summary>No usable answer: the network failed, the service erred, or it refused our credentials.</summary>
    public void Failed(string service, string error) =>
        _services.AddOrUpdate(service, _ => new Status(null, clock.GetUtcNow(), 1, error),
            (_, s) => s with { LastFailure = clock.GetUtcNow(), FailuresInARow = s.FailuresInARow + 1, LastError = error });

    public Status Of(string service) => _services.GetValueOrDefault(service, new Status(null, null, 0, null));
}
