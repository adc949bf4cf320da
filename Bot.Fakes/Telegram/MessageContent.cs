namespace ChatPay.Fakes.Telegram;

/// <summary>What a message shows: the text as the bot sent it, as parsed, and its inline keyboard.</summary>
internal sealed record MessageContent(string Sent, FormattedText Formatted, InlineKeyboard Keyboard)
{
    public static MessageContent Read(ApiParameters parameters, bool inlineOnly)
    {
        var sent = parameters.Text("text") ?? "";
        var formatted = FormattedText.Read(sent, parameters.Text("parse_mode"));
        return new MessageContent(sent, formatted, InlineKeyboard.Read(parameters.Json("reply_markup"), inlineOnly));
    }

    /// <summary>Telegram's "not modified": the same visible text, formatting and keyboard.</summary>
    public bool SameAs(MessageContent other) => Formatted.SameAs(other.Formatted) && Keyboard.Json == other.Keyboard.Json;
}
