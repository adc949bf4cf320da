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

    /// <summary>The label of the request_contact button the reply keyboard shows, or null when it shows none.</summary>
    public string? ContactButton { get; set; }

    public List<StoredMessage> Messages { get; } = [];

    // Message ids are a sequence per chat shared by the user's and the bot's messages, as in Telegram's private chats.
    private int _lastMessageId;

    public int NextMessageId() => ++_lastMessageId;

    /// <summary>Ids of the bot's messages deleted since: Telegram no longer finds them.</summary>
    public HashSet<int> Deleted { get; } = [];

    /// <summary>
    /// Why Telegram refuses to edit a message id the bot has no message at: an id some message of the chat took (the user's,
    /// which a bot cannot edit) is "message can't be edited"; one nothing took yet, or a deleted one, "message to edit not found".
    /// </summary>
    public ApiError EditRefusal(int messageId) => messageId > 0 && messageId <= _lastMessageId && !Deleted.Contains(messageId)
        ? ApiError.BadRequest("message can't be edited")
        : ApiError.BadRequest("message to edit not found");

    public JsonObject ToJson() => Type == "private"
        ? new JsonObject { ["id"] = Id, ["type"] = Type, ["first_name"] = Name }
        : new JsonObject { ["id"] = Id, ["type"] = Type, ["title"] = Name };

    /// <summary>Telegram's refusal to send to this chat: kicked from a group, blocked by a user.</summary>
    public ApiError Refusal() => Type == "private"
        ? ApiError.Forbidden("bot was blocked by the user")
        : ApiError.Forbidden($"bot was kicked from the {(Type == "channel" ? "channel" : Type == "supergroup" ? "supergroup" : "group")} chat");
}
