using System.Text.Json.Nodes;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// Updates waiting for the bot, handed out by getUpdates or pushed to the webhook, kept until confirmed: by a later
/// getUpdates offset above their id, or by a 2xx webhook answer.
/// </summary>
internal sealed class UpdateQueue(CancellationToken stopping)
{
    // Telegram.Bot sends timeout equal to its HttpClient timeout; answering exactly then would race the client's own
    // cancellation, so a long poll ends this much early.
    private static readonly TimeSpan LongPollMargin = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly List<(long Id, string Json)> _pending = [];
    private readonly Signal _changed = new();
    private long _lastId;
    private CancellationTokenSource? _poller;

    /// <summary>Whether a getUpdates long poll is waiting here now.</summary>
    public bool Polled
    {
        get
        {
            lock (_gate) return _poller is not null;
        }
    }

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    public int Pending
    {
        get
        {
            lock (_gate) return _pending.Count;
        }
    }

    /// <summary>Queues the update built for the next id and returns that id.</summary>
    public long Enqueue(Func<long, JsonObject> build)
    {
        long id;
        lock (_gate)
        {
            id = ++_lastId;
            _pending.Add((id, build(id).ToJsonString()));
        }
        _changed.Pulse();
        return id;
    }

    /// <summary>Sets the webhook, or with a null url removes it.</summary>
    public void SetWebhook(string? url, string? secret, bool dropPending)
    {
        lock (_gate)
        {
            WebhookUrl = url;
            WebhookSecret = secret;
            if (dropPending) _pending.Clear();
        }
        _changed.Pulse();
    }

    /// <summary>
    /// getUpdates: confirms the updates below <paramref name="offset"/>, then answers those from it, waiting up to
    /// <paramref name="timeout"/> for one to arrive; an earlier poll still waiting is ended with a conflict.
    /// </summary>
    public async Task<JsonArray> GetUpdatesAsync(long offset, int limit, TimeSpan timeout, CancellationToken aborted)
    {
        var deadline = DateTime.UtcNow + (timeout > LongPollMargin ? timeout - LongPollMargin : timeout);
        var mine = new CancellationTokenSource();
        CancellationTokenSource? earlier;
        lock (_gate)
        {
            if (WebhookUrl is not null)
                throw ApiError.Conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            earlier = _poller;
            _poller = mine;
            if (offset > 0) _pending.RemoveAll(u => u.Id < offset);
        }
        // Telegram answers the earlier of two overlapping polls with a conflict.
        await (earlier?.CancelAsync() ?? Task.CompletedTask);
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(mine.Token, aborted, stopping);
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (mine.IsCancellationRequested) throw ApiError.Conflict("terminated by other getUpdates request; make sure that only one bot instance is running");
                    changed = _changed.Next;
                    var batch = _pending.Where(u => u.Id >= offset).Take(limit).Select(u => JsonNode.Parse(u.Json)).ToArray();
                    if (batch.Length > 0) return new JsonArray(batch);
                }
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero || aborted.IsCancellationRequested || stopping.IsCancellationRequested) return [];
                try
                {
                    await changed.WaitAsync(remaining, wake.Token);
                }
                catch (Exception e) when (e is TimeoutException or OperationCanceledException)
                {
                    // Looked at again above: superseded, timed out, abandoned by the client or the fake stopping.
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_poller == mine) _poller = null;
            }
        }
    }

    /// <summary>Waits until a webhook is set and an update waits for it.</summary>
    public async Task<WebhookDelivery> NextForWebhookAsync()
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Next;
                if (WebhookUrl is not null && _pending.Count > 0) return new WebhookDelivery(_pending[0].Id, _pending[0].Json, WebhookUrl, WebhookSecret);
            }
            await changed.WaitAsync(stopping);
        }
    }

    public void Delivered(long updateId)
    {
        lock (_gate) _pending.RemoveAll(u => u.Id == updateId);
    }
}
