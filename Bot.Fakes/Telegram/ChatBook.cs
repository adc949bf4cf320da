using System.Text.Json.Nodes;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// The chats and the bot's messages. Each change is checked, rate-limited and applied under one lock, so concurrent
/// calls see Telegram's answers (two identical edits: one succeeds, one is "not modified").
/// </summary>
internal sealed class ChatBook(FloodControl flood, BotUser bot)
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatState> _chats = [];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Signal> _changed = new();

    /// <summary>
    /// Pulsed after every send, edit and delete in the chat. One per chat: thousands of waiting tests or benchmark
    /// citizens are each woken by their own chat only.
    /// </summary>
    public Signal ChangedIn(long chatId) => _changed.GetOrAdd(chatId, _ => new Signal());

    /// <summary>Makes the chat known (a user wrote, pressed or the test added it); an existing chat keeps its name.</summary>
    public void Know(long chatId, string type, string name)
    {
        if (type == "private" ? chatId <= 0 : chatId >= 0)
            throw new ArgumentException($"A {type} chat's id must be {(type == "private" ? "positive (the user's id)" : "negative")}: {chatId}.", nameof(chatId));
        lock (_gate)
        {
            _chats.TryAdd(chatId, new ChatState(chatId, type, name));
        }
    }

    /// <summary>The request_contact button the chat's reply keyboard shows, if any.</summary>
    public string? ContactButton(long chatId)
    {
        lock (_gate) return _chats.GetValueOrDefault(chatId)?.ContactButton;
    }

    public string? TypeOf(long chatId)
    {
        lock (_gate) return _chats.GetValueOrDefault(chatId)?.Type;
    }

    public void SetBlocked(long chatId, bool blocked)
    {
        lock (_gate) _chats[chatId].Blocked = blocked;
    }

    /// <summary>The id a user's new message takes.</summary>
    public int NextMessageId(long chatId)
    {
        lock (_gate) return _chats[chatId].NextMessageId();
    }

    /// <summary>The bot's message as a JSON Message for an update (a press), or null when there is no such message.</summary>
    public JsonObject? MessageJson(long chatId, int messageId)
    {
        lock (_gate)
        {
            var chat = _chats[chatId];
            return chat.Messages.Find(m => m.MessageId == messageId)?.ToJson(chat, bot);
        }
    }

    public JsonObject ChatJson(long chatId)
    {
        lock (_gate) return _chats[chatId].ToJson();
    }

    public IReadOnlyList<FakeMessage> Messages(long chatId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var chat) ? [.. chat.Messages.Select(m => m.ToFake())] : [];
    }

    /// <summary>Throws Telegram's refusal when the bot cannot act in the chat.</summary>
    public void CheckReachable(long chatId)
    {
        lock (_gate) Reachable(chatId);
    }

    public JsonObject Send(long chatId, MessageContent content)
    {
        JsonObject result;
        lock (_gate)
        {
            var chat = Reachable(chatId);
            flood.Take(chatId);
            var message = new StoredMessage(chatId, chat.NextMessageId(), content, DateTimeOffset.UtcNow, null, 0);
            chat.Messages.Add(message);
            if (content.Reply is { } reply) chat.ContactButton = reply.Remove ? null : reply.ContactButton;
            result = message.ToJson(chat, bot);
        }
        ChangedIn(chatId).Pulse();
        return result;
    }

    public JsonObject Edit(long chatId, int messageId, Func<MessageContent, MessageContent> change)
    {
        JsonObject result;
        lock (_gate)
        {
            var chat = Reachable(chatId);
            var index = chat.Messages.FindIndex(m => m.MessageId == messageId);
            if (index < 0) throw chat.EditRefusal(messageId);
            var current = chat.Messages[index];
            var content = change(current.Content);
            if (content.SameAs(current.Content)) throw ApiError.BadRequest(NotModified);
            flood.Take(chatId);
            var edited = current with { Content = content, EditedAt = DateTimeOffset.UtcNow, Edits = current.Edits + 1 };
            chat.Messages[index] = edited;
            result = edited.ToJson(chat, bot);
        }
        ChangedIn(chatId).Pulse();
        return result;
    }

    public void Delete(long chatId, int messageId)
    {
        lock (_gate)
        {
            var chat = _chats.GetValueOrDefault(chatId) ?? throw ApiError.BadRequest("chat not found");
            if (chat.Messages.RemoveAll(m => m.MessageId == messageId) == 0) throw ApiError.BadRequest("message to delete not found");
            chat.Deleted.Add(messageId);
        }
        ChangedIn(chatId).Pulse();
    }

    private ChatState Reachable(long chatId)
    {
        var chat = _chats.GetValueOrDefault(chatId) ?? throw ApiError.BadRequest("chat not found");
        return chat.Blocked ? throw chat.Refusal() : chat;
    }
}
