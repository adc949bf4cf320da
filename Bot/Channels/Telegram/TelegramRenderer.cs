using ChatPay.Domain.Chats;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>One message in Telegram's terms: text as HTML (escaped), choices as callback buttons, links as URL buttons.</summary>
public static class TelegramRenderer
{
    /// <summary>Telegram allows 4096 characters; a little less leaves room for the chosen-choice note.</summary>
    public const int MaxText = 4000;

    public sealed record Rendering(string Html, InlineKeyboardMarkup? Keyboard);

    public static Rendering Render(OutgoingMessage message)
    {
        var chosen = message.Chosen is null ? "" : $"\n\n<i>Đã chọn: {HtmlText.Escape(message.Chosen)}</i>";
        var buttons = message.Links.Select(l => InlineKeyboardButton.WithUrl(l.Label, l.Url))
            .Concat(message.Choices.Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Payload)))
            .Select(b => new[] { b }).ToArray();
        return new Rendering(HtmlText.Escape(message.Text) + chosen, buttons.Length == 0 ? null : new InlineKeyboardMarkup(buttons));
    }
}
