using System.Text.Json.Nodes;

namespace ChatPay.Fakes.Telegram;

/// <summary>A formatting entity as Telegram reports it; offsets and lengths count UTF-16 code units, as .NET strings do.</summary>
internal sealed record MessageEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null, string? CustomEmojiId = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type, ["offset"] = Offset, ["length"] = Length };
        if (Url is not null) json["url"] = Url;
        if (Language is not null) json["language"] = Language;
        if (CustomEmojiId is not null) json["custom_emoji_id"] = CustomEmojiId;
        return json;
    }
}
