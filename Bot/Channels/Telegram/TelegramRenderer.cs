using ChatPay.Domain.Chats;
using ChatPay.Domain.Notices;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// One message in Telegram's terms: text as HTML (escaped), choices as callback buttons, links as URL buttons; an offer to
/// share the phone number as a reply-keyboard button with request_contact (which only a send can carry, not an edit).
/// </summary>
public static class TelegramRenderer
{
    /// <summary>Telegram allows 4096 characters; a little less leaves room for the chosen-choice note.</summary>
    public const int MaxText = 4000;

    /// <param name="Keyboard">The inline buttons, which an edit can change.</param>
    /// <param name="SendMarkup">What a new message carries: the inline buttons, or the phone button, or its removal.</param>
    public sealed record Rendering(string Html, InlineKeyboardMarkup? Keyboard, ReplyMarkup? SendMarkup);

    public static Rendering Render(OutgoingMessage message)
    {
        var chosen = message.Chosen is null ? "" : $"\n\n<i>Đã chọn: {HtmlText.Escape(message.Chosen)}</i>";
        var buttons = message.Links.Select(l => InlineKeyboardButton.WithUrl(l.Label, l.Url))
            .Concat(message.Choices.Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Payload)))
            .Select(b => new[] { b }).ToArray();
        var keyboard = buttons.Length == 0 ? null : new InlineKeyboardMarkup(buttons);
        ReplyMarkup? sendMarkup = message switch
        {
            { AsksForPhone: true } => new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact(NoticeTexts.SharePhoneLabel)) { ResizeKeyboard = true, OneTimeKeyboard = true },
            { EndsPhoneRequest: true } => new ReplyKeyboardRemove(),
            _ => keyboard,
        };
        return new Rendering(HtmlText.Escape(message.Text) + chosen, keyboard, sendMarkup);
    }
}
