using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// An inline keyboard as Telegram validates it. <see cref="Json"/> is the markup as received (kept whole, so kinds of
/// button the fake does not model still come back in results) and is what "not modified" compares.
/// </summary>
internal sealed class InlineKeyboard
{
    private const int MaxCallbackDataBytes = 64;

    // Telegram's "exactly one of the optional fields" of InlineKeyboardButton.
    private static readonly string[] Actions =
    [
        "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay", "disabled",
    ];

    public static readonly InlineKeyboard None = new([], null);

    private InlineKeyboard(IReadOnlyList<IReadOnlyList<FakeButton>> rows, string? json)
    {
        Rows = rows;
        Json = json;
    }

    public IReadOnlyList<IReadOnlyList<FakeButton>> Rows { get; }

    /// <summary>The inline_keyboard markup, or null when the message has no inline keyboard.</summary>
    public string? Json { get; }

    /// <summary>
    /// Reads reply_markup. sendMessage also takes reply keyboards, which leave no inline keyboard (<paramref name="inlineOnly"/>
    /// false); edits take inline keyboards only. An absent markup means none: an edit without one removes the keyboard.
    /// </summary>
    public static InlineKeyboard Read(JsonElement? markup, bool inlineOnly)
    {
        if (markup is not { } value) return None;
        if (value.ValueKind != JsonValueKind.Object) throw ApiError.BadRequest("can't parse reply keyboard markup JSON object");
        if (!value.TryGetProperty("inline_keyboard", out var keyboard))
        {
            if (inlineOnly) throw ApiError.BadRequest("inline keyboard expected");
            return None;
        }
        if (keyboard.ValueKind != JsonValueKind.Array || keyboard.EnumerateArray().Any(row => row.ValueKind != JsonValueKind.Array))
            throw ApiError.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
        var rows = keyboard.EnumerateArray().Select(row => (IReadOnlyList<FakeButton>)row.EnumerateArray().Select(Button).ToList()).ToList();
        // An inline keyboard without buttons is no keyboard, so it compares equal to none.
        if (rows.All(row => row.Count == 0)) return None;
        var json = new JsonObject { ["inline_keyboard"] = JsonNode.Parse(keyboard.GetRawText()) }.ToJsonString();
        return new InlineKeyboard(rows, json);
    }

    public JsonNode? ToJson() => Json is null ? null : JsonNode.Parse(Json);

    private static FakeButton Button(JsonElement button)
    {
        if (button.ValueKind != JsonValueKind.Object) throw Invalid("InlineKeyboardButton must be an Object");
        var text = button.TryGetProperty("text", out var label) ? label : throw Invalid("Can't find field \"text\"");
        if (text.ValueKind != JsonValueKind.String) throw Invalid("Field \"text\" must be of type String");
        var actions = Actions.Count(a => button.TryGetProperty(a, out var field) && field.ValueKind is not (JsonValueKind.Null or JsonValueKind.False));
        if (actions == 0) throw Invalid("Text buttons are unallowed in the inline keyboard");
        if (actions > 1) throw Invalid("exactly one of the optional fields must be used");
        return new FakeButton(text.GetString()!, CallbackData(button), Url(button));
    }

    private static string? CallbackData(JsonElement button)
    {
        if (!button.TryGetProperty("callback_data", out var data)) return null;
        if (data.ValueKind != JsonValueKind.String) throw Invalid("Field \"callback_data\" must be of type String");
        var bytes = Encoding.UTF8.GetByteCount(data.GetString()!);
        if (bytes is 0 or > MaxCallbackDataBytes) throw ApiError.BadRequest("BUTTON_DATA_INVALID");
        return data.GetString();
    }

    private static string? Url(JsonElement button)
    {
        if (!button.TryGetProperty("url", out var url)) return null;
        if (url.ValueKind != JsonValueKind.String) throw Invalid("Field \"url\" must be of type String");
        var valid = Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg";
        return valid ? url.GetString() : throw ApiError.BadRequest("BUTTON_URL_INVALID");
    }

    private static ApiError Invalid(string detail) => ApiError.BadRequest($"can't parse inline keyboard button: {detail}");
}
