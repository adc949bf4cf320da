using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Outbox;

/// <summary>
/// Sends what the chat log holds for one channel: in order within a chat, chats in parallel, within the channel's limits.
/// A slow-down holds the chat, a failure retries with backoff, a permanent refusal (blocked, chat gone) is recorded.
/// Waiting alerts for one chat go out as one message where the channel allows. Where the channel can find a send whose
/// answer never came (crash, lost connection, timeout), it is looked for before it is sent again (<see cref="LostSendSearch"/>).
/// </summary>
public sealed class OutboxDelivery : BackgroundService
{
    private const int ParallelChats = 8;
    private const int DueAtOnce = 1000;
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    /// <summary>How far ahead a round plans by the channel's overall limit: one read of the queue and two commits serve this much sending.</summary>
    private static readonly TimeSpan RoundSpan = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A chat whose own limit frees a send within this long is served in this round, which waits for it: when every chat
    /// waits its second, a round (a read of the queue, two commits) per token was most of what pacing cost. New messages
    /// for other chats wait at most this long more for the next round.
    /// </summary>
    private static readonly TimeSpan PlanAhead = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMinutes(1);

    private enum Outcome { Sent, Wait, Stop }

    /// <summary>One message to send (or an edit of one sent), made of one entry or of several alerts combined.</summary>
    internal sealed record Batch(bool Edit, IReadOnlyList<ChatLogEntry> Entries)
    {
        public IReadOnlyList<ChatOutbox.Rendered> Rendered => [.. Entries.Select(e => new ChatOutbox.Rendered(e.Id, e.Seq))];
    }

    private readonly IChannel _channel;
    private readonly ChatOutbox _outbox;
    private readonly ChatSignal _signal;
    private readonly Reachability _reachability;
    private readonly ChatPayMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDelivery> _logger;
    private readonly ChannelPacer _pacer;
    private readonly LostSendSearch? _lost;

    public OutboxDelivery(IChannel channel, ChatOutbox outbox, ChatSignal signal, Reachability reachability, ChatPayMetrics metrics, TimeProvider clock,
        ILogger<OutboxDelivery> logger)
    {
        (_channel, _outbox, _signal, _reachability, _metrics, _clock, _logger) = (channel, outbox, signal, reachability, metrics, clock, logger);
        _pacer = new ChannelPacer(channel.Traits.Pacing, channel.IsGroup, clock);
        if (channel.Traits.CanFindLostSends) _lost = new LostSendSearch(channel, outbox, _pacer, reachability, metrics, clock, logger);
    }

    /// <summary>The name the channel's reachability is reported under ("telegram").</summary>
    public static string ServiceOf(ChatChannel channel) => channel.Name.ToLowerInvariant();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the round reads the queue, so a message written meanwhile wakes the next round at once.
            var changed = _signal.AnyChanged();
            TimeSpan pause;
            try
            {
                pause = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "{Channel} delivery round failed; it will run again", _channel.Channel);
                pause = LongestPause;
            }
            // Sleeps until the earliest token or a new message: a chat waiting for its limit costs no reading and no commit.
            await Task.WhenAny(changed, Task.Delay(pause, _clock, stoppingToken));
        }
    }

    /// <summary>
    /// Sends all that may be sent now; returns how long until more may be. Where lost sends can be found, the round's sends
    /// are marked as in flight in one step before the first goes out, and every outcome is stored in one step at the end.
    /// </summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        _lost?.Start(cancellationToken);
        var due = _outbox.Due(_channel.Channel, _clock.GetUtcNow(), DueAtOnce).GroupBy(e => e.ChatKey)
            .Select(chat => (Chat: chat.Key, Wait: _pacer.WaitForChat(ChatAddress.FromKey(chat.Key).Id), Entries: chat.ToList())).ToList();
        // Only chats their own limits let through now or within PlanAhead are planned and marked, and only as many as the
        // channel's overall limit lets send in the next second: each then waits for its tokens within the round. Marking the others
        // only to unmark them, or a round (a read of the queue and two commits) for every token, is what made waiting cost CPU.
        var ready = due.Where(p => p.Wait <= PlanAhead).ToList();
        var plans = ready.Take(_pacer.Budget(RoundSpan)).Select(p => (p.Chat, Batches: Plan(p.Chat, p.Entries))).ToList();
        var held = ready.Count > plans.Count ? TimeSpan.Zero : due.Where(p => p.Wait > PlanAhead).Select(p => p.Wait).DefaultIfEmpty(LongestPause).Min();
        if (_lost is not null) _outbox.MarkInFlight([.. plans.SelectMany(p => p.Batches).Where(b => !b.Edit).Select(b => b.Entries)]);
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
            _outbox.Flush();
        }
        var pause = waits.Where(w => w > TimeSpan.Zero).Append(held).Min();
        return pause < LongestPause ? pause : LongestPause;
    }

    /// <summary>A chat's due messages as the messages the channel will get, in order.</summary>
    private List<Batch> Plan(string chatKey, List<ChatLogEntry> entries)
    {
        var plan = new List<Batch>();
        while (entries.Count > 0)
        {
            var next = entries[0];
            var edit = next.EditPending && next.Delivery == Delivery.Delivered;
            // An edit changes every alert the message combined; an app that cannot edit gets each change on its own. Only
            // alerts are combined (see Combinable), so any other message is alone in its channel message: no need to look.
            var batch = edit && _channel.Traits.CanEdit && next.ExternalId is { } externalId && IsCombinable(next) ? _outbox.SharingMessage(chatKey, externalId)
                : edit ? [next]
                : Combinable(entries, next);
            entries.RemoveAll(e => batch.Any(b => b.Id == e.Id));
            plan.Add(new Batch(edit, batch));
        }
        return plan;
    }

    /// <summary>Waiting alerts for one chat go out together (Telegram allows a group 20 messages a minute).</summary>
    private IReadOnlyList<ChatLogEntry> Combinable(List<ChatLogEntry> entries, ChatLogEntry next)
    {
        if (_channel.Traits.MaxCombined < 2 || !IsCombinable(next)) return [next];
        var batch = new List<ChatLogEntry>();
        foreach (var entry in entries.Where(e => e.Delivery == Delivery.Pending && !e.EditPending && IsCombinable(e))
            .Take(_channel.Traits.MaxCombined))
        {
            // A digest stays one message: one that must be split is harder to find after a crash, and to edit as a whole.
            if (batch.Count > 0 && Render([.. batch, entry], _channel.Traits).Parts.Count > 1) break;
            batch.Add(entry);
        }
        return batch;
    }

    private static bool IsCombinable(ChatLogEntry entry) => MessageTopic.Parse(entry.Topic) is { Combinable: true };

    /// <summary>The batch as the channel will show it: combined, then cut to its limits.</summary>
    internal static MessageParts Render(IReadOnlyList<ChatLogEntry> batch, ChannelTraits traits) => MessageParts.Of(Combined(batch), traits);

    private static OutgoingMessage Combined(IReadOnlyList<ChatLogEntry> batch) => MessageDigest.Combine([.. batch.Select(e => e.ToMessage())]);

    private async Task<TimeSpan> DeliverChatAsync(string chatKey, List<Batch> plan, CancellationToken cancellationToken)
    {
        var chatId = ChatAddress.FromKey(chatKey).Id;
        using var scope = _logger.ForChat(chatKey);
        for (var i = 0; i < plan.Count; i++)
        {
            var batch = plan[i];
            if (batch.Edit && !_channel.Traits.CanEdit && MessageTopic.Parse(batch.Entries[0].Topic) is not { ChangeMatters: true })
            {
                // The app cannot take buttons off a sent message; a stale press is refused by the conversation anyway.
                _outbox.Edited(batch.Rendered);
                continue;
            }
            if (_pacer.WaitForChat(chatId) is var wait && wait > PlanAhead) return Unsent(plan, i, wait);
            await _pacer.TakeAsync(chatId, cancellationToken);
            var outcome = batch.Edit && _channel.Traits.CanEdit ? await EditAsync(chatKey, chatId, batch, cancellationToken) : await SendAsync(chatKey, chatId, batch, cancellationToken);
            if (outcome == Outcome.Wait) return Unsent(plan, i, TimeSpan.FromMilliseconds(50));
            if (outcome == Outcome.Stop) return Unsent(plan, i + 1, TimeSpan.Zero);
        }
        return TimeSpan.Zero;
    }

    /// <summary>What this round will not send after all is not in flight.</summary>
    private TimeSpan Unsent(List<Batch> plan, int from, TimeSpan wait)
    {
        if (_lost is not null) _outbox.NotInFlight(plan.Skip(from).Where(b => !b.Edit).SelectMany(b => b.Rendered));
        return wait;
    }

    /// <summary>Sends a batch (or, for an app that cannot edit, a change to it as a short new message), part by part.</summary>
    private async Task<Outcome> SendAsync(string chatKey, string chatId, Batch batch, CancellationToken cancellationToken)
    {
        var parts = batch.Edit ? MessageParts.Of(MessageDigest.ChangeNotice(Combined(batch.Entries)), _channel.Traits) : Render(batch.Entries, _channel.Traits);
        string? keyId = null;
        for (var i = 0; i < parts.Parts.Count; i++)
        {
            // A long text goes out as several messages, and the app counts each: the parts after the first take tokens too.
            if (i > 0) await _pacer.TakeAsync(chatId, cancellationToken);
            var answer = await CallAsync(() => _channel.SendAsync(chatId, parts.Parts[i], cancellationToken), cancellationToken);
            if (answer is not ChannelAnswer.Done done) return Handle(chatKey, batch, answer);
            if (i == parts.KeyPart) keyId = done.MessageId;
        }
        _reachability.Answered(ServiceOf(_channel.Channel));
        if (batch.Edit)
        {
            _outbox.Edited(batch.Rendered);
            return Outcome.Sent;
        }
        _outbox.Delivered(batch.Rendered, keyId!);
        // Where a lost send cannot be found, the outcome is stored at once: a crash after the answer would send it again.
        if (_lost is null) _outbox.Flush();
        _metrics.MessagesSent(_channel.Channel, batch.Entries.Count);
        return Outcome.Sent;
    }

    private async Task<Outcome> EditAsync(string chatKey, string chatId, Batch batch, CancellationToken cancellationToken)
    {
        var parts = Render(batch.Entries, _channel.Traits);
        var answer = await CallAsync(() => _channel.EditAsync(chatId, batch.Entries[0].ExternalId!, parts.Key, cancellationToken), cancellationToken);
        if (answer is not ChannelAnswer.Done) return Handle(chatKey, batch, answer);
        _outbox.Edited(batch.Rendered);
        _reachability.Answered(ServiceOf(_channel.Channel));
        return Outcome.Sent;
    }

    /// <summary>An adapter's unexpected exception is a failure the call may have survived: it is retried, and looked for first.</summary>
    private async Task<ChannelAnswer> CallAsync(Func<Task<ChannelAnswer>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(e, "{Channel} adapter failed", _channel.Channel);
            return new ChannelAnswer.Failed(e.GetType().Name, MayHaveArrived: true);
        }
    }

    internal static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(LongestBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 6))));

    private Outcome Handle(string chatKey, Batch batch, ChannelAnswer answer)
    {
        var chatId = ChatAddress.FromKey(chatKey).Id;
        var service = ServiceOf(_channel.Channel);
        switch (answer)
        {
            case ChannelAnswer.SlowDown slow:
                _reachability.Answered(service);
                _pacer.Hold(chatId, slow.RetryAfter, slow.WholeChannel);
                _logger.LogWarning("{Channel} asked to slow down for chat {ChatId}: retry after {RetryAfter}", _channel.Channel, chatId, slow.RetryAfter);
                return Outcome.Wait;
            case ChannelAnswer.Refused or ChannelAnswer.Missing:
                var reason = answer is ChannelAnswer.Refused refused ? refused.Reason : ((ChannelAnswer.Missing)answer).Reason;
                _reachability.Answered(service);
                _outbox.Refused(batch.Rendered, reason);
                if (_lost is null) _outbox.Flush();
                _logger.LogWarning("{Channel} refused a message for chat {ChatId} for good: {Reason}", _channel.Channel, chatId, reason);
                return Outcome.Sent;
            case ChannelAnswer.Failed failed:
                _reachability.Failed(service, failed.Reason);
                var backoff = Backoff(batch.Edit ? 0 : batch.Entries.Max(e => e.Attempts));
                var until = _clock.GetUtcNow() + backoff;
                if (batch.Edit) _pacer.Hold(chatId, backoff);
                else
                {
                    var lost = failed.MayHaveArrived && _lost is not null;
                    _outbox.Postpone(batch.Rendered, until, failed.Reason, lost);
                    if (lost) _lost!.Suspect(chatKey, until);
                }
                _logger.LogWarning("{Channel} send to chat {ChatId} failed ({Reason}); retrying in {Backoff}", _channel.Channel, chatId, failed.Reason, backoff);
                return Outcome.Stop;
            default:
                throw new InvalidOperationException($"Unexpected answer {answer}.");
        }
    }
}
