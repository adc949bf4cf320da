using System.Text.Json.Nodes;
using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>
/// Sends what the chat log holds for Zalo followers, in order per chat. An expired token (-216) is refreshed and
/// the message sent once more; a rate limit (-32), a quota (-211), a server or network error waits and retries;
/// what Zalo will never deliver (outside the interaction window -230, not a follower -213, invalid -201) is
/// recorded and not retried, so it cannot loop.
/// </summary>
public sealed class ZaloDelivery(
    ZaloApi api, ZaloTokens tokens, ChatOutbox outbox, ChatSignal signal, Reachability reachability, ChatPayMetrics metrics, IOptions<ZaloOptions> options,
    TimeProvider clock, ILogger<ZaloDelivery> logger)
    : BackgroundService
{
    private const int TokenInvalid = -216;
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private static readonly int[] Undeliverable = [-230, -213, -201];
    private DateTimeOffset _nextSendAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = signal.AnyChanged();
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Zalo delivery round failed; it will run again");
            }
            await Task.WhenAny(changed, Task.Delay(LongestPause, clock, stoppingToken));
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var chat in outbox.Due(ChatChannel.Zalo, clock.GetUtcNow(), 500).GroupBy(e => e.ChatKey))
            {
                using var scope = logger.ForChat(chat.Key);
                foreach (var entry in chat)
                    if (!await DeliverAsync(ChatAddress.FromKey(chat.Key).Id, entry, cancellationToken)) break;
            }
        }
        finally
        {
            outbox.Flush();
        }
    }

    /// <summary>Returns false when the chat must wait (its later messages stay queued behind this one).</summary>
    private async Task<bool> DeliverAsync(string userId, ChatLogEntry entry, CancellationToken cancellationToken)
    {
        var rendered = new[] { new ChatOutbox.Rendered(entry.Id, entry.Seq) };
        var isUpdate = entry.EditPending;
        if (isUpdate && entry.Topic?.StartsWith("alert:", StringComparison.Ordinal) != true)
        {
            // Zalo cannot take buttons off a sent message; a stale press is refused by the conversation anyway.
            outbox.Edited(rendered);
            return true;
        }

        var messages = isUpdate ? [ZaloRenderer.RenderUpdate(entry)] : ZaloRenderer.Render(entry, options.Value.MaxButtonsPerMessage);
        string? messageId = null;
        foreach (var message in messages)
        {
            var (answer, failure) = await SendAsync(userId, message, cancellationToken);
            if (failure is not null)
            {
                outbox.Postpone(rendered, clock.GetUtcNow() + Backoff(entry.Attempts), failure);
                return false;
            }
            if (answer!.Error == 0)
            {
                messageId = answer.MessageId;
                continue;
            }
            if (Undeliverable.Contains(answer.Error))
            {
                outbox.Refused(rendered, $"{answer.Error} {answer.Message}");
                logger.LogWarning("Zalo will not deliver to {UserId}: {Error} {Message}", userId, answer.Error, answer.Message);
                return true;
            }
            var wait = answer.Error == -211 ? TimeSpan.FromHours(1) : Backoff(entry.Attempts);
            outbox.Postpone(rendered, clock.GetUtcNow() + wait, $"{answer.Error} {answer.Message}");
            logger.LogWarning("Zalo send to {UserId} failed ({Error} {Message}); retrying in {Wait}", userId, answer.Error, answer.Message, wait);
            return false;
        }
        if (isUpdate) outbox.Edited(rendered);
        else
        {
            outbox.Delivered(rendered, messageId ?? "");
            // Stored at once: a crash after Zalo's answer would otherwise send the message again.
            outbox.Flush();
            metrics.MessagesSent(ChatChannel.Zalo, 1);
        }
        return true;
    }

    /// <summary>One message, paced, with one resend after refreshing an expired token.</summary>
    private async Task<(ZaloApi.Answer? Answer, string? Failure)> SendAsync(string userId, JsonObject message, CancellationToken cancellationToken)
    {
        var pause = _nextSendAt - clock.GetUtcNow();
        if (pause > TimeSpan.Zero) await Task.Delay(pause, clock, cancellationToken);
        _nextSendAt = clock.GetUtcNow() + TimeSpan.FromSeconds(1 / options.Value.MessagesPerSecond);
        try
        {
            var token = await tokens.AccessTokenAsync(cancellationToken);
            var answer = await api.SendAsync(token, userId, (JsonObject)message.DeepClone(), cancellationToken);
            if (answer.Error == TokenInvalid) answer = await api.SendAsync(await tokens.RefreshAsync(token, cancellationToken), userId, (JsonObject)message.DeepClone(), cancellationToken);
            reachability.Answered(ZaloSetup.Service);
            return (answer, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or ZaloRefreshRefused
            && !cancellationToken.IsCancellationRequested)
        {
            reachability.Failed(ZaloSetup.Service, e.GetType().Name);
            if (e is ZaloRefreshRefused) logger.LogError(e, "Zalo refused to refresh the OA's tokens; re-authorise the OA and set Zalo:RefreshToken");
            return (null, e.GetType().Name);
        }
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(attempts, 6))));
}
