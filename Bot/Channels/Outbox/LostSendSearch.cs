using System.Collections.Concurrent;
using System.Globalization;
using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Outbox;

/// <summary>
/// Settles the sends ChatPay started but never heard back about (a crash, a lost connection, a timeout), so a receipt
/// or an alert is neither lost nor sent twice, for a channel that numbers a chat's messages in order and answers an edit
/// that changes nothing (Telegram: "message is not modified"). There is no idempotency key, so for each chat the
/// unsettled messages are looked for in the order they were sent, at the ids after the last one ChatPay knows, with an
/// edit to that very message: success means it was delivered there. The first one not found was not delivered, and nor
/// was anything after it, since a chat's messages go out one after another; those are sent as usual.
/// <para>
/// Chats are settled beside normal delivery, a few at a time: chats with nothing to settle are served at once, and one
/// slow chat holds up no other. Their entries stay marked in flight meanwhile, which keeps each such chat's queue
/// waiting (<see cref="ChatOutbox.Due"/>), so nothing goes out twice. A chat not settled within the channel's deadline
/// gets its sends again: a possible duplicate is better than silence (logged and counted).
/// </para>
/// </summary>
internal sealed class LostSendSearch(
    IChannel channel, ChatOutbox outbox, ChannelPacer pacer, Reachability reachability, ChatPayMetrics metrics, TimeProvider clock, ILogger logger)
{
    private const int ParallelSettles = 4;

    /// <summary>Ids tried beyond those the chat's own recorded messages may have taken (others' messages in a group).</summary>
    private const int PrivateSlack = 5;
    private const int GroupSlack = 30;

    /// <summary>
    /// When to look for a chat's unanswered sends next, and how often that failed. Compared by reference: a search ends only
    /// the suspicion it was started for, never one a send raised while it ran.
    /// </summary>
    private sealed class Unsettled(DateTimeOffset lookAt, int failures)
    {
        public DateTimeOffset LookAt { get; } = lookAt;

        public int Failures { get; } = failures;
    }

    private readonly ConcurrentDictionary<string, Unsettled> _unsettled = new();

    /// <summary>Chats being settled now: added before the search starts, removed when it ends, so the two never cross.</summary>
    private readonly ConcurrentDictionary<string, bool> _settling = new();
    private readonly SemaphoreSlim _settlers = new(ParallelSettles);
    private bool _crashLeftoversLoaded;

    /// <summary>A send to the chat may have gone out unheard: look for it at <paramref name="at"/>.</summary>
    public void Suspect(string chatKey, DateTimeOffset at) => _unsettled[chatKey] = new Unsettled(at, 0);

    /// <summary>Starts settling every chat whose unanswered sends are due to be looked for (the first time: those a crash left).</summary>
    public void Start(CancellationToken cancellationToken)
    {
        if (!_crashLeftoversLoaded)
        {
            foreach (var chatKey in outbox.ChatsInFlight(channel.Channel)) _unsettled[chatKey] = new Unsettled(DateTimeOffset.MinValue, 0);
            _crashLeftoversLoaded = true;
        }
        var now = clock.GetUtcNow();
        foreach (var (chatKey, unsettled) in _unsettled.Where(u => u.Value.LookAt <= now))
            if (_settling.TryAdd(chatKey, true)) _ = SettleChatAsync(chatKey, unsettled, cancellationToken);
    }

    private async Task SettleChatAsync(string chatKey, Unsettled unsettled, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await _settlers.WaitAsync(cancellationToken);
            try
            {
                using var deadline = new CancellationTokenSource(channel.Traits.RecoveryDeadline, clock);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
                try
                {
                    await SettleAsync(chatKey, either.Token);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    GiveUp(chatKey);
                    metrics.RecoveryGaveUp(channel.Channel);
                    logger.LogWarning("Unanswered sends in chat {ChatKey} were not found within {Deadline}; they are sent again and may arrive twice",
                        chatKey, channel.Traits.RecoveryDeadline);
                }
                // Only this suspicion: a send that failed while the search ran (its entries were freed) raised a new one.
                _unsettled.TryRemove(KeyValuePair.Create(chatKey, unsettled));
            }
            catch (LookupFailed failure)
            {
                var failures = unsettled.Failures + 1;
                _unsettled.TryUpdate(chatKey, new Unsettled(clock.GetUtcNow() + OutboxDelivery.Backoff(failures), failures), unsettled);
                reachability.Failed(OutboxDelivery.ServiceOf(channel.Channel), failure.Message);
                logger.LogWarning("Could not yet look for unanswered sends in chat {ChatKey} ({Reason})", chatKey, failure.Message);
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

    private sealed class LookupFailed(string reason) : Exception(reason);

    /// <summary>Finds which of the chat's unsettled sends the app has, records them as delivered, and frees the rest to be sent.</summary>
    private async Task SettleAsync(string chatKey, CancellationToken cancellationToken)
    {
        var inFlight = outbox.InFlight(chatKey);
        if (inFlight.Count == 0) return;
        var chatId = ChatAddress.FromKey(chatKey).Id;
        // Only what the person wrote before the unanswered sends can sit between them at the app: messages typed since
        // (people who get no answer type more) do not widen the search.
        var (lastKnown, incoming) = outbox.Whereabouts(chatKey, before: inFlight.Max(e => e.Id));
        var slack = incoming + (channel.IsGroup(chatId) ? GroupSlack : PrivateSlack);
        foreach (var batch in inFlight.GroupBy(e => e.InFlightBatch).OrderBy(b => b.Key).Select(b => b.ToList()))
        {
            if (await FindAsync(chatId, batch, lastKnown + 1, slack, cancellationToken) is not { } messageId) break;
            outbox.Delivered(batch.Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)), messageId.ToString(CultureInfo.InvariantCulture));
            logger.LogWarning("A message whose send went unanswered was found in chat {ChatId} as message {MessageId}; it is not sent again", chatId, messageId);
            lastKnown = messageId;
        }
        outbox.NotInFlight(inFlight.Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)));
        outbox.Flush();
    }

    /// <summary>The search ran out of time: the chat's unanswered sends go out again (one may arrive twice; never none).</summary>
    private void GiveUp(string chatKey)
    {
        outbox.NotInFlight(outbox.InFlight(chatKey).Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)));
        outbox.Flush();
    }

    /// <summary>
    /// Where the batch's key part went out, or null if the batch did not go out whole. Its parts are looked for one after
    /// another, each with its own text: the first bot message past the last known one is the first part sent, so an edit
    /// to it never overwrites another message. A batch only partly found is sent again whole (its first parts show twice).
    /// </summary>
    private async Task<long?> FindAsync(string chatId, IReadOnlyList<ChatLogEntry> batch, long from, int slack, CancellationToken cancellationToken)
    {
        var parts = OutboxDelivery.Render(batch, channel.Traits);
        long? keyId = null;
        for (var i = 0; i < parts.Parts.Count; i++)
        {
            if (await FindPartAsync(chatId, parts.Parts[i], from, slack, cancellationToken) is not { } id)
            {
                if (i > 0) logger.LogWarning("A long message to chat {ChatId} went out only in part before a crash; it is sent again whole", chatId);
                return null;
            }
            if (i == parts.KeyPart) keyId = id;
            from = id + 1;
        }
        return keyId;
    }

    private async Task<long?> FindPartAsync(string chatId, OutgoingMessage part, long from, int slack, CancellationToken cancellationToken)
    {
        var id = from;
        while (id < from + slack)
        {
            // Probes count against the channel's overall limit like any call. Not against the chat's: an edit that finds no
            // message sends the person nothing, and waiting a chat's second (a group's three) per probe is what kept people
            // waiting minutes after a crash.
            await pacer.TakeGlobalAsync(cancellationToken);
            ChannelAnswer answer;
            try
            {
                answer = await channel.EditAsync(chatId, id.ToString(CultureInfo.InvariantCulture), part, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                answer = new ChannelAnswer.Failed(e.GetType().Name, MayHaveArrived: false);
            }
            switch (answer)
            {
                case ChannelAnswer.Done:
                    return id;
                case ChannelAnswer.SlowDown slow:
                    pacer.Hold(chatId, slow.RetryAfter, slow.WholeChannel);
                    await Task.Delay(slow.RetryAfter, clock, cancellationToken);
                    continue;
                case ChannelAnswer.Failed failed:
                    throw new LookupFailed(failed.Reason);
                case ChannelAnswer.Missing:
                    // No message has this id, so none has a later one: the send never arrived.
                    return null;
            }
            // Refused: the person's message (or another's in a group); look further.
            id++;
        }
        return null;
    }
}
