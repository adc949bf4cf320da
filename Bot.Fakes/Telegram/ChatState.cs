using System.Text.Json.Nodes;

namespace ChatPay.Fakes.Telegram;

/// <summary>A chat the fake knows, with the bot's messages in it; guarded by <see cref="ChatBook"/>'s lock.</summary>
internal sealed class ChatState(long id, string type, string name)
{
    public long Id { get; } = id;

    public string Type { get; } = type;

    /// <summary>The user's first name in a private chat, the title otherwise.</summary>
    public string Name { get; } = name;

    public bool Blocked { get; set; }

    public List<StoredMessage> Messages { get; } = [];

    // Message ids are a sequence per chat shared by the user's and the bot's messages, as in Telegram's private chats.
    private int _lastMessageId;

    public int NextMessageId() => ++_lastMessageId;

    public JsonObject ToJson() => Type == "private"
        ? new JsonObject { ["id"] = Id, ["type"] = Type, ["first_name"] = Name }
        : new JsonObject { ["id"] = Id, ["type"] = Type, ["title"] = Name };

    /// <summary>Telegram's refusal to send to this chat: kicked from a group, blocked by a user.</summary>
    public ApiError Refusal() => Type == "private"
        ? ApiError.Forbidden("bot was blocked by the user")
        : ApiError.Forbidden($"bot was kicked from the {(Type == "channel" ? "channel" : Type == "supergroup" ? "supergroup" : "group")} chat");
}
