using System.Text.Json.Nodes;

namespace ChatPay.Fakes.Telegram;

/// <summary>One of the bot's messages as it stands now.</summary>
internal sealed record StoredMessage(long ChatId, int MessageId, MessageContent Content, DateTimeOffset SentAt, DateTimeOffset? EditedAt, int Edits)
{
    public FakeMessage ToFake() =>
        new(ChatId, MessageId, Content.Sent, Content.Formatted.Text, Content.Keyboard.Rows, SentAt, Edits);

    /// <summary>The Message object Telegram returns for it.</summary>
    public JsonObject ToJson(ChatState chat, BotUser bot)
    {
        var json = new JsonObject
        {
            ["message_id"] = MessageId,
            ["from"] = bot.Json(),
            ["chat"] = chat.ToJson(),
            ["date"] = SentAt.ToUnixTimeSeconds(),
        };
        if (EditedAt is { } edited) json["edit_date"] = edited.ToUnixTimeSeconds();
        json["text"] = Content.Formatted.Text;
        if (Content.Formatted.Entities.Count > 0) json["entities"] = new JsonArray([.. Content.Formatted.Entities.Select(e => e.ToJson())]);
        if (Content.Keyboard.ToJson() is { } keyboard) json["reply_markup"] = keyboard;
        return json;
    }
}
