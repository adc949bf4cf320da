using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// Sends what the chat log holds for Telegram chats: in order within a chat, chats in parallel, within
/// Telegram's limits. A 429 holds the chat for retry_after, a server or network error retries with backoff,
/// a permanent refusal (blocked, chat gone) is recorded. Alerts queued for one chat go out as one message.
/// A send whose answer never came (crash, lost connection, timeout, 5xx) is looked for before it is sent again.
/// </summary>
public sealed class TelegramDelivery(
    TelegramBot telegram, ChatOutbox outbox, ChatSignal signal, TelegramRateLimiter limiter, TelegramRecovery recovery, Reachability reachability,
    ChatPayMetrics metrics, IOptions<TelegramOptions> options, TimeProvider clock, ILogger<TelegramDelivery> logger) : BackgroundService
{
    private const int ParallelChats = 8;
    private const int ParallelSettles = 4;
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMinutes(1);

    private enum Outcome { Sent, Wait, Stop }

    /// <summary>When to look for a chat's unanswered sends next, and how often that failed.</summary>
    private sealed record Unsettled(DateTimeOffset LookAt, int Failures);

    /// <summary>
    /// Chats whose sends may have gone out unheard. Their outbox entries stay marked in flight, which keeps the chat's
    /// queue waiting (<see cref="ChatOutbox.Due"/>) until they are settled, so one cannot go out twice.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Unsettled> _unsettled = new();

    /// <summary>Chats being settled now, beside the delivery rounds (which leave their sends waiting meanwhile).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _settling = new();
    private readonly SemaphoreSlim _settlers = new(ParallelSettles);
    private bool _crashLeftoversLoaded;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = signal.AnyChanged();
            TimeSpan pause;
            try
            {
                pause = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Telegram delivery round failed; it will run again");
                pause = LongestPause;
            }
            await Task.WhenAny(changed, Task.Delay(pause, clock, stoppingToken));
        }
    }

    /// <summary>One message to send (or an edit of one sent), made of one entry or of several alerts combined.</summary>
    private sealed record Batch(bool Edit, IReadOnlyList<ChatLogEntry> Entries);

    /// <summary>
    /// Sends all that may be sent now; returns how long until more may be. The round's sends are marked as in flight in
    /// one step before the first goes out, and every outcome is stored in one step at the end: a crash in between is
    /// settled by <see cref="TelegramRecovery"/>, which finds what Telegram already has.
    /// </summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        StartSettling(cancellationToken);
        var due = outbox.Due(ChatChannel.Telegram, clock.GetUtcNow(), 1000).GroupBy(e => e.ChatKey)
            .Select(chat => (Chat: chat.Key, Batches: Plan(chat.Key, [.. chat]), Wait: limiter.WaitFor(ChatAddress.FromKey(chat.Key).Id))).ToList();
        // Only chats Telegram's limits let through now are marked and served: marking the others only to unmark them
        // (two commits each) and look again milliseconds later is what made waiting cost CPU.
        var plans = due.Where(p => p.Wait == TimeSpan.Zero).Select(p => (p.Chat, p.Batches)).ToList();
        var held = due.Where(p => p.Wait > TimeSpan.Zero).Select(p => p.Wait).DefaultIfEmpty(LongestPause).Min();
        outbox.MarkInFlight([.. plans.SelectMany(p => p.Batches).Where(b => !b.Edit).Select(b => b.Entries)]);
        using var gate = new SemaphoreSlim(ParallelChats);
        TimeSpan[] waits;
        try
        {
            waits = await Task.WhenAll(plans.Select(async plan =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await DeliverChatAsync(plan.Chat, plan.Batches, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        finally
        {
            outbox.Flush();
        }
        var pause = waits.Where(w => w > TimeSpan.Zero).Append(held).Min();
        return pause < LongestPause ? pause : LongestPause;
    }

    /// <summary>
    /// Starts settling every chat whose unanswered sends are due to be looked for, a few at a time, beside the delivery
    /// rounds: chats with nothing to settle are served at once, and one slow chat holds up no other.
    /// </summary>
    private void StartSettling(CancellationToken cancellationToken)
    {
        if (!_crashLeftoversLoaded)
        {
            foreach (var chatKey in recovery.ChatsToSettle()) _unsettled[chatKey] = new Unsettled(DateTimeOffset.MinValue, 0);
            _crashLeftoversLoaded = true;
        }
        var now = clock.GetUtcNow();
        foreach (var (chatKey, unsettled) in _unsettled.Where(u => u.Value.LookAt <= now && !_settling.ContainsKey(u.Key)))
            _settling[chatKey] = SettleChatAsync(chatKey, unsettled, cancellationToken);
    }

    private async Task SettleChatAsync(string chatKey, Unsettled unsettled, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await _settlers.WaitAsync(cancellationToken);
            try
            {
                using var deadline = new CancellationTokenSource(options.Value.RecoveryDeadline, clock);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
                try
                {
                    await recovery.SettleAsync(chatKey, either.Token);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // A possible duplicate is better than a chat that hears nothing.
                    recovery.GiveUp(chatKey);
                    metrics.RecoveryGaveUp(ChatChannel.Telegram);
                    logger.LogWarning("Unanswered sends in chat {ChatKey} were not found within {Deadline}; they are sent again and may arrive twice",
                        chatKey, options.Value.RecoveryDeadline);
                }
                _unsettled.TryRemove(chatKey, out _);
            }
            catch (Exception e) when (Classify(e, cancellationToken) is { } failure)
            {
                var failures = unsettled.Failures + 1;
                _unsettled[chatKey] = new Unsettled(clock.GetUtcNow() + Backoff(failures), failures);
                reachability.Failed(TelegramSetup.Service, failure.Reason);
                logger.LogWarning("Could not yet look for unanswered sends in chat {ChatKey} ({Reason})", chatKey, failure.Reason);
            }
            finally
            {
                _settlers.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Settling unanswered sends in chat {ChatKey} failed; it is tried again", chatKey);
        }
        finally
        {
            _settling.TryRemove(chatKey, out _);
        }
    }

    /// <summary>A chat's due messages as the messages Telegram will get, in order.</summary>
    private List<Batch> Plan(string chatKey, List<ChatLogEntry> entries)
    {
        var plan = new List<Batch>();
        while (entries.Count > 0)
        {
            var next = entries[0];
            var batch = next.EditPending && next.ExternalId is { } externalId
                ? outbox.SharingMessage(chatKey, externalId)
                : AlertsToCombine(entries, next);
            entries.RemoveAll(e => batch.Any(b => b.Id == e.Id));
            plan.Add(new Batch(next.EditPending && next.Delivery == Delivery.Delivered, batch));
        }
        return plan;
    }

    private async Task<TimeSpan> DeliverChatAsync(string chatKey, List<Batch> plan, CancellationToken cancellationToken)
    {
        var chatId = ChatAddress.FromKey(chatKey).Id;
        using var scope = logger.ForChat(chatKey);
        for (var i = 0; i < plan.Count; i++)
        {
            if (!limiter.TryTake(chatId, out var wait)) return Unsent(plan, i, wait);
            var outcome = plan[i].Edit ? await EditAsync(chatId, plan[i].Entries, cancellationToken) : await SendAsync(chatId, plan[i].Entries, cancellationToken);
            if (outcome == Outcome.Wait) return Unsent(plan, i, TimeSpan.FromMilliseconds(50));
            if (outcome == Outcome.Stop) return Unsent(plan, i + 1, TimeSpan.Zero);
        }
        return TimeSpan.Zero;
    }

    /// <summary>What this round will not send after all is not in flight.</summary>
    private TimeSpan Unsent(List<Batch> plan, int from, TimeSpan wait)
    {
        outbox.NotInFlight(plan.Skip(from).Where(b => !b.Edit).SelectMany(b => b.Entries).Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)));
        return wait;
    }

    /// <summary>Pending alerts for one chat go out together (Telegram allows a group 20 messages a minute).</summary>
    private List<ChatLogEntry> AlertsToCombine(List<ChatLogEntry> entries, ChatLogEntry next)
    {
        if (next.Topic?.StartsWith("alert:", StringComparison.Ordinal) != true) return [next];
        return [.. entries.Where(e => e.Delivery == Delivery.Pending && !e.EditPending && e.Topic?.StartsWith("alert:", StringComparison.Ordinal) == true)
            .Take(options.Value.Limits.MaxAlertsPerMessage)];
    }

    private async Task<Outcome> SendAsync(string chatId, IReadOnlyList<ChatLogEntry> batch, CancellationToken cancellationToken)
    {
        var rendering = TelegramRenderer.Render(batch);
        var rendered = batch.Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)).ToList();
        try
        {
            var messageId = 0;
            for (var i = 0; i < rendering.Chunks.Count; i++)
            {
                // A long text goes out as several messages, and Telegram counts each: the parts after the first take tokens too.
                if (i > 0) await TakeTokenAsync(chatId, cancellationToken);
                var last = i == rendering.Chunks.Count - 1;
                var sent = await telegram.Client.SendMessage(chatId, rendering.Chunks[i], parseMode: ParseMode.Html,
                    replyMarkup: last ? rendering.Keyboard : null, cancellationToken: cancellationToken);
                messageId = sent.MessageId;
            }
            outbox.Delivered(rendered, messageId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            reachability.Answered(TelegramSetup.Service);
            metrics.MessagesSent(ChatChannel.Telegram, batch.Count);
            return Outcome.Sent;
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } failure)
        {
            return Handle(batch[0].ChatKey, rendered, failure, batch.Max(b => b.Attempts), edit: false);
        }
    }

    private async Task TakeTokenAsync(string chatId, CancellationToken cancellationToken)
    {
        while (!limiter.TryTake(chatId, out var wait)) await Task.Delay(wait, clock, cancellationToken);
    }

    private async Task<Outcome> EditAsync(string chatId, IReadOnlyList<ChatLogEntry> batch, CancellationToken cancellationToken)
    {
        var rendering = TelegramRenderer.Render(batch);
        var rendered = batch.Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)).ToList();
        try
        {
            await telegram.Client.EditMessageText(chatId, int.Parse(batch[0].ExternalId!, System.Globalization.CultureInfo.InvariantCulture),
                rendering.Chunks[^1], parseMode: ParseMode.Html, replyMarkup: rendering.Keyboard, cancellationToken: cancellationToken);
            outbox.Edited(rendered);
            reachability.Answered(TelegramSetup.Service);
            return Outcome.Sent;
        }
        catch (ApiRequestException e) when (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            outbox.Edited(rendered);
            reachability.Answered(TelegramSetup.Service);
            return Outcome.Sent;
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } failure)
        {
            return Handle(batch[0].ChatKey, rendered, failure, 0, edit: true);
        }
    }

    /// <summary>Why a call failed; <paramref name="MayHaveGone"/> when Telegram may have acted on it all the same.</summary>
    private sealed record Failure(string Reason, TimeSpan? RetryAfter, bool Permanent, bool MayHaveGone = false);

    private static Failure? Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        _ when cancellationToken.IsCancellationRequested => null,
        ApiRequestException { ErrorCode: 429 } e => new Failure("429", TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)), false),
        // 401 means the token is wrong: a configuration problem, not a reason to drop messages.
        ApiRequestException { ErrorCode: 401 } => new Failure("401 Unauthorized", null, false),
        ApiRequestException { ErrorCode: >= 400 and < 500 } e => new Failure($"{e.ErrorCode} {e.Message}", null, true),
        ApiRequestException e => new Failure($"{e.ErrorCode} {e.Message}", null, false, MayHaveGone: true),
        RequestException or HttpRequestException or TaskCanceledException => new Failure(exception.GetType().Name, null, false, MayHaveGone: true),
        _ => null,
    };

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(LongestBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 6))));

    private Outcome Handle(string chatKey, List<ChatOutbox.Rendered> rendered, Failure failure, int attempts, bool edit)
    {
        var chatId = ChatAddress.FromKey(chatKey).Id;
        // A 429 or a refusal for one chat is still an answer; a network error, a 5xx or a rejected token is not.
        if (failure.RetryAfter is null && !failure.Permanent) reachability.Failed(TelegramSetup.Service, failure.Reason);
        else reachability.Answered(TelegramSetup.Service);
        if (failure.RetryAfter is { } retryAfter)
        {
            limiter.Hold(chatId, retryAfter);
            logger.LogWarning("Telegram asked to slow down for chat {ChatId}: retry after {RetryAfter}", chatId, retryAfter);
            return Outcome.Wait;
        }
        if (failure.Permanent)
        {
            outbox.Refused(rendered, failure.Reason);
            logger.LogWarning("Telegram refused a message for chat {ChatId} for good: {Reason}", chatId, failure.Reason);
            return Outcome.Sent;
        }
        var backoff = Backoff(attempts);
        var until = clock.GetUtcNow() + backoff;
        if (edit) limiter.Hold(chatId, backoff);
        else
        {
            outbox.Postpone(rendered, until, failure.Reason, failure.MayHaveGone);
            if (failure.MayHaveGone) _unsettled[chatKey] = new Unsettled(until, 0);
        }
        logger.LogWarning("Telegram send to chat {ChatId} failed ({Reason}); retrying in {Backoff}", chatId, failure.Reason, backoff);
        return Outcome.Stop;
    }
}
