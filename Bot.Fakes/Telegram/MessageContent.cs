namespace ChatPay.Fakes.Telegram;

/// <summary>
/// What a message shows: the text as the bot sent it, as parsed, and its inline keyboard; and, for a new message, the
/// change it makes to the chat's reply keyboard.
/// </summary>
internal sealed record MessageContent(string Sent, FormattedText Formatted, InlineKeyboard Keyboard, ReplyKeyboard? Reply = null)
{
    public static MessageContent Read(ApiParameters parameters, bool inlineOnly)
    {
        var sent = parameters.Text("text") ?? "";
        var formatted = FormattedText.Read(sent, parameters.Text("parse_mode"));
        var markup = parameters.Json("reply_markup");
        return new MessageContent(sent, formatted, InlineKeyboard.Read(markup, inlineOnly), inlineOnly ? null : ReplyKeyboard.Read(markup));
    }

    /// <summary>Telegram's "not modified": the same visible text, formatting and keyboard.</summary>
    public bool SameAs(MessageContent other) => Formatted.SameAs(other.Formatted) && Keyboard.Json == other.Keyboard.Json;
}
