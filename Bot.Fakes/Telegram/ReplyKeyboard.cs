using System.Text.Json;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// A sendMessage's reply keyboard (the buttons under the person's text field): shown until a later message removes it.
/// The fake keeps what matters to a bot asking for a phone number: the label of a request_contact button, if any.
/// </summary>
internal sealed record ReplyKeyboard(bool Remove, string? ContactButton)
{
    /// <summary>The change a reply_markup makes to the reply keyboard; null when it makes none (no markup, or an inline one).</summary>
    public static ReplyKeyboard? Read(JsonElement? markup)
    {
        if (markup is not { ValueKind: JsonValueKind.Object } value) return null;
        if (value.TryGetProperty("remove_keyboard", out var remove))
            return remove.ValueKind == JsonValueKind.True ? new ReplyKeyboard(true, null) : throw ApiError.BadRequest("field \"remove_keyboard\" must be true");
        if (!value.TryGetProperty("keyboard", out var rows)) return null;
        if (rows.ValueKind != JsonValueKind.Array || rows.EnumerateArray().Any(row => row.ValueKind != JsonValueKind.Array))
            throw ApiError.BadRequest("field \"keyboard\" of the ReplyKeyboardMarkup should be an Array of Arrays");
        string? contact = null;
        foreach (var button in rows.EnumerateArray().SelectMany(row => row.EnumerateArray()))
        {
            // A button is a KeyboardButton object or, in the older form, its text alone.
            if (button.ValueKind == JsonValueKind.String) continue;
            if (button.ValueKind != JsonValueKind.Object || !button.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                throw ApiError.BadRequest("can't parse keyboard button: Field \"text\" must be of type String");
            if (button.TryGetProperty("request_contact", out var asks) && asks.ValueKind == JsonValueKind.True) contact ??= text.GetString();
        }
        return new ReplyKeyboard(false, contact);
    }
}
