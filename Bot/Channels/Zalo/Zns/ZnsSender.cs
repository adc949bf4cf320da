using ChatPay.Bot.Hosting;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Channels.Zalo.Zns;

/// <summary>
/// Sends the queued ZNS notices every few seconds and records each outcome with its dossier. Nothing is retried blindly:
/// an expired token (-124) is refreshed and the message sent once more; a connection that failed before the request left
/// is tried again later (a few times); an answer lost on the way is "unknown" (it may have been sent and charged); every
/// refusal (not a Zalo user -118, quota -144, outside hours…) is recorded as such.
/// </summary>
public sealed class ZnsSender(IChatPayStore store, ZnsClient zns, ZaloTokens tokens, TimeProvider clock, ILogger<ZnsSender> logger)
    : PeriodicService(TimeSpan.FromSeconds(2), clock, logger)
{
    public const string Service = "ZNS";
    private const int MaxConnectAttempts = 5;
    private readonly TimeProvider _clock = clock;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var message in store.Read(session => session.PhoneMessages.Due(_clock.GetUtcNow(), 20)))
        {
            var (outcome, reason, messageId, retry) = await SendAsync(message, cancellationToken);
            store.Write(session =>
            {
                var stored = session.PhoneMessages.Find(message.Id)!;
                stored.Attempts++;
                if (retry && stored.Attempts < MaxConnectAttempts) stored.NextAttemptAt = _clock.GetUtcNow() + TimeSpan.FromMinutes(stored.Attempts);
                else stored.Finish(retry ? PhoneMessage.Failed : outcome, reason, messageId, _clock.GetUtcNow());
                session.PhoneMessages.Save(stored);
                return true;
            });
            if (outcome != PhoneMessage.Sent && !retry) logger.LogWarning("ZNS notice of dossier {DossierCode}: {Outcome} ({Reason})", message.DossierCode, outcome, reason);
        }
    }

    private async Task<(string Outcome, string? Reason, string? MessageId, bool Retry)> SendAsync(PhoneMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var token = await tokens.AccessTokenAsync(cancellationToken);
            var answer = await zns.SendAsync(token, message, cancellationToken);
            if (answer.Error == ZnsClient.TokenInvalid) answer = await zns.SendAsync(await tokens.RefreshAsync(token, cancellationToken), message, cancellationToken);
            return answer.Error == 0
                ? (PhoneMessage.Sent, null, answer.MessageId, false)
                : (PhoneMessage.Failed, $"{answer.Error} {answer.Message}", null, false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // Nothing left: safe to try again.
            return (PhoneMessage.Failed, e.HttpRequestError.ToString(), null, true);
        }
        catch (ZaloRefreshRefused e)
        {
            return (PhoneMessage.Failed, e.Message, null, false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            return (PhoneMessage.Unknown, e.GetType().Name, null, false);
        }
    }
}
