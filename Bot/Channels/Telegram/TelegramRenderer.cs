using ChatPay.Bot.Storage;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>
/// Turns logged messages into Telegram HTML and inline keyboards: text escaped, choices as callback buttons,
/// links as URL buttons (or inline text where Telegram would refuse the address), long texts split.
/// </summary>
public static class TelegramRenderer
{
    /// <summary>Telegram allows 4096 characters; a little less leaves room for the chosen-button note.</summary>
    public const int MaxChunk = 4000;

    public sealed record Rendering(IReadOnlyList<string> Chunks, InlineKeyboardMarkup? Keyboard);

    public static Rendering Render(ChatLogEntry entry)
    {
        var text = entry.Text + InlineLinks(entry);
        var chosen = entry.ChosenLabel is null ? "" : $"\n\n<i>Đã chọn: {HtmlText.Escape(entry.ChosenLabel)}</i>";
        var buttons = LinkButtons(entry).Concat(entry.ChosenLabel is null ? entry.Choices.Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Payload)) : []);
        return new Rendering(Chunks(text, chosen), Keyboard(buttons));
    }

    /// <summary>One message to Telegram: an entry as it is, or several alerts combined.</summary>
    public static Rendering Render(IReadOnlyList<ChatLogEntry> batch) => batch.Count == 1 ? Render(batch[0]) : RenderCombined(batch);

    /// <summary>Several pending alerts for one chat as one numbered message; each keeps its buttons, labelled with its number.</summary>
    public static Rendering RenderCombined(IReadOnlyList<ChatLogEntry> entries)
    {
        var text = $"🔔 {entries.Count} thông báo mới:\n\n" + string.Join("\n\n", entries.Select((e, i) => $"{i + 1}. {Compact(e.Text)}"));
        var buttons = entries.SelectMany((e, i) => e.ChosenLabel is null
            ? e.Choices.Select(c => InlineKeyboardButton.WithCallbackData($"{c.Label} ({i + 1})", c.Payload))
            : []);
        return new Rendering(Chunks(text, ""), Keyboard(buttons));
    }

    private static string Compact(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 1 ? lines[0] : $"{lines[0]}\n{string.Join(" · ", lines[1..])}";
    }

    private static InlineKeyboardMarkup? Keyboard(IEnumerable<InlineKeyboardButton> buttons)
    {
        var rows = buttons.Select(b => new[] { b }).ToArray();
        return rows.Length == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    // Telegram refuses URL buttons to addresses it cannot reach (localhost in a demo); those go in the text.
    private static bool Buttonable(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsLoopback && uri.Host != "localhost";

    private static IEnumerable<InlineKeyboardButton> LinkButtons(ChatLogEntry entry) =>
        entry.Links.Where(l => Buttonable(l.Url)).Select(l => InlineKeyboardButton.WithUrl(l.Label, l.Url));

    private static string InlineLinks(ChatLogEntry entry) =>
        string.Concat(entry.Links.Where(l => !Buttonable(l.Url)).Select(l => $"\n{l.Label}: {l.Url}"));

    /// <summary>Splits at line breaks into escaped pieces Telegram accepts; the suffix (already HTML) goes on the last.</summary>
    private static IReadOnlyList<string> Chunks(string text, string htmlSuffix)
    {
        var chunks = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            IEnumerable<string> pieces = line.Length == 0 ? [""] : line.Chunk(MaxChunk).Select(c => new string(c));
            foreach (var piece in pieces)
            {
                if (current.Length > 0 && current.Length + piece.Length + 1 > MaxChunk)
                {
                    chunks.Add(HtmlText.Escape(current.ToString()));
                    current.Clear();
                }
                if (current.Length > 0) current.Append('\n');
                current.Append(piece);
            }
        }
        chunks.Add(HtmlText.Escape(current.Length == 0 ? "…" : current.ToString()) + htmlSuffix);
        return chunks;
    }
}
