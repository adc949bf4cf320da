using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Storage;

/// <summary>
/// What a pushing channel (Telegram, Zalo) still has to send or edit, and the bookkeeping of its attempts.
/// A message rendered for sending is identified by its Seq: if the domain changed it meanwhile, it is marked
/// for an edit rather than silently left stale. Outcomes are collected during a delivery round and stored
/// together by <see cref="Flush"/>: one commit per round instead of one per message.
/// </summary>
public sealed class ChatOutbox(IOutboxStore store)
{
    public sealed record Rendered(long Id, long Seq);

    private readonly System.Collections.Concurrent.ConcurrentQueue<(Rendered, Action<ChatLogEntry, Rendered>)> _outcomes = new();

    /// <summary>
    /// One flush at a time, from taking the outcomes to committing them. Several flush at once (each channel's delivery
    /// round, each chat's lost-send search), and without this two could split one operation's outcomes and commit them
    /// in the wrong order: a search's "found, delivered" taken by one flush and its "no longer in flight" committed first
    /// by another left the messages pending and free for a moment — sent again by the next round, or after a crash in that
    /// moment (seen as an officers' digest arriving twice in the crash test).
    /// </summary>
    private readonly Lock _flushing = new();

    /// <summary>Entries marked in flight by this process and not yet settled by a flush, as the round read them.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, ChatLogEntry> _sending = new();

    /// <summary>
    /// Edits pending, and sends due by <paramref name="now"/>, for one channel, oldest first. A chat whose
    /// oldest send is postponed, or may have gone out unheard (still in flight), gets none of its later ones
    /// either, so messages arrive in order.
    /// </summary>
    public IReadOnlyList<ChatLogEntry> Due(ChatChannel channel, DateTimeOffset now, int limit)
    {
        var queued = store.Queued(channel, limit);
        var sends = queued.Where(e => e.Delivery == Delivery.Pending).GroupBy(e => e.ChatKey).SelectMany(chat => chat.TakeWhile(e => e.NextAttemptAt <= now && e.InFlightBatch is null));
        var edits = queued.Where(e => e.EditPending);
        return [.. sends.Concat(edits).OrderBy(e => e.Id)];
    }

    /// <summary>How many messages a channel has yet to send or edit, counted up to <see cref="CountedUpTo"/>: a larger backlog is read as that.</summary>
    public int Waiting(ChatChannel channel) => store.Waiting(channel, CountedUpTo);

    /// <summary>Counting a queue reads its entries; past this many, the exact number no longer changes what anyone does.</summary>
    public const int CountedUpTo = 1_000;

    /// <summary>
    /// How many messages a channel has yet to send or edit, and when the oldest unsent one was written: read from the
    /// head of the queue, so /health stays quick with a backlog of a hundred thousand, when it matters most. An edit
    /// keeps its message's old place, and its age says nothing about how long the edit has waited, so only sends count.
    /// </summary>
    public (int Count, DateTimeOffset? OldestAt) Backlog(ChatChannel channel)
    {
        var count = Waiting(channel);
        if (count == 0) return (0, null);
        return (count, store.OldestSendAt(channel));
    }

    public IReadOnlyList<ChatLogEntry> SharingMessage(string chatKey, string externalId) => store.SharingMessage(chatKey, externalId);

    /// <summary>
    /// The latest message of a chat offering a button whose message id is not stored yet: a person can press a button
    /// the moment it shows, before the delivery round that sent it has stored what Telegram answered.
    /// </summary>
    /// <remarks>
    /// A person who presses at once (a bot in a test, or someone quick) mostly presses on a message of the round still
    /// being sent: that one is known without reading the chat.
    /// </remarks>
    public ChatLogEntry? UnsentOffering(string chatKey, string payload) =>
        _sending.Values.Where(e => e.ChatKey == chatKey && e.Choices.Any(c => c.Payload == payload)).MaxBy(e => e.Id) ??
        store.RecentUnsent(chatKey, RecentlySent).FirstOrDefault(e => e.Choices.Any(c => c.Payload == payload));

    /// <summary>A delivery round sends far fewer messages to one chat than this.</summary>
    private const int RecentlySent = 20;

    /// <summary>
    /// Stored at once, before the sends: after a crash or a lost answer the channel can find the messages whose fate it
    /// did not hear (<see cref="InFlight"/>) and look for them before sending again. Each entry is marked with its batch's first entry.
    /// </summary>
    public void MarkInFlight(IReadOnlyList<IReadOnlyList<ChatLogEntry>> batches)
    {
        if (batches.Count == 0) return;
        var batchOf = batches.SelectMany(batch => batch.Select(sending => (sending.Id, First: batch[0].Id))).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.First);
        store.Change(batchOf.Keys, entries =>
        {
            foreach (var entry in entries.Values) entry.InFlightBatch = batchOf[entry.Id];
        });
        foreach (var entry in batches.SelectMany(batch => batch)) _sending[entry.Id] = entry;
    }

    /// <summary>The chats with messages a channel was sending when the process stopped.</summary>
    public IReadOnlyList<string> ChatsInFlight(ChatChannel channel) => store.ChatsInFlight(channel);

    /// <summary>A chat's messages sent without word of their fate, oldest first.</summary>
    public IReadOnlyList<ChatLogEntry> InFlight(string chatKey) => store.InFlight(chatKey);

    /// <summary>The highest message id the channel gave a message of this chat, and how many messages the chat sent since.</summary>
    public (long LastMessageId, int IncomingSince) Whereabouts(string chatKey, long before = long.MaxValue)
    {
        var entries = store.OfChat(chatKey);
        var sent = entries.Where(e => e.ExternalId is not null).ToList();
        var lastSentEntry = sent.Count == 0 ? 0 : sent.Max(e => e.Id);
        var lastId = sent.Select(e => long.TryParse(e.ExternalId, out var id) ? id : 0).DefaultIfEmpty(0).Max();
        return (lastId, entries.Count(e => !e.Outgoing && e.Id > lastSentEntry && e.Id < before));
    }

    /// <summary>Settled (found delivered, or not sent after all): nothing more to look for.</summary>
    public void NotInFlight(IEnumerable<Rendered> entries) => Change(entries, (entry, _) => entry.InFlightBatch = null);

    public void Delivered(IEnumerable<Rendered> sent, string externalId) => Change(sent, (entry, rendered) =>
    {
        entry.InFlightBatch = null;
        entry.Delivery = Delivery.Delivered;
        entry.ExternalId = externalId;
        entry.Attempts++;
        entry.LastError = null;
        entry.EditPending = entry.Seq != rendered.Seq;
    });

    public void Edited(IEnumerable<Rendered> edited) => Change(edited, (entry, rendered) => entry.EditPending = entry.Seq != rendered.Seq);

    /// <summary>
    /// Tried again at <paramref name="until"/>. A send that may have reached the channel anyway (the answer was lost)
    /// stays in flight: it is looked for before it is sent again.
    /// </summary>
    public void Postpone(IEnumerable<Rendered> entries, DateTimeOffset until, string error, bool mayHaveGone = false) => Change(entries, (entry, _) =>
    {
        if (!mayHaveGone) entry.InFlightBatch = null;
        entry.Attempts++;
        entry.NextAttemptAt = until;
        entry.LastError = error;
    });

    /// <summary>The channel refused for good: a send is marked failed, an edit is given up.</summary>
    public void Refused(IEnumerable<Rendered> entries, string error) => Change(entries, (entry, _) =>
    {
        entry.InFlightBatch = null;
        if (entry.Delivery == Delivery.Pending) entry.Delivery = Delivery.Failed;
        entry.EditPending = false;
        entry.LastError = error;
    });

    /// <summary>Stores every outcome recorded since the last flush, in one step.</summary>
    public void Flush()
    {
        lock (_flushing) FlushInOrder();
    }

    private void FlushInOrder()
    {
        var changes = new List<(Rendered Rendered, Action<ChatLogEntry, Rendered> Change)>();
        while (_outcomes.TryDequeue(out var outcome)) changes.Add(outcome);
        if (changes.Count == 0) return;
        try
        {
            store.Change([.. changes.Select(c => c.Rendered.Id).Distinct()], entries =>
            {
                foreach (var (rendered, change) in changes)
                    if (entries.TryGetValue(rendered.Id, out var entry)) change(entry, rendered);
            });
            foreach (var (rendered, _) in changes) _sending.TryRemove(rendered.Id, out _);
        }
        catch
        {
            // Kept for the next flush: a send whose outcome is dropped would be sent again.
            foreach (var change in changes) _outcomes.Enqueue(change);
            throw;
        }
    }

    private void Change(IEnumerable<Rendered> entries, Action<ChatLogEntry, Rendered> change)
    {
        foreach (var rendered in entries) _outcomes.Enqueue((rendered, change));
    }
}
