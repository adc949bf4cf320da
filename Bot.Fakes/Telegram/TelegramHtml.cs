using System.Globalization;
using System.Text;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// Telegram's parse_mode HTML: only its tags, properly nested and closed; every other &lt;, &gt; and &amp; escaped as
/// &amp;lt; &amp;gt; &amp;amp; (or &amp;quot; / a numeric entity). Errors read "can't parse entities: …" with a byte
/// offset into the UTF-8 text, as Telegram's do.
/// </summary>
internal static class TelegramHtml
{
    private static readonly Dictionary<string, string?> EntityTypes = new()
    {
        ["b"] = "bold", ["strong"] = "bold",
        ["i"] = "italic", ["em"] = "italic",
        ["u"] = "underline", ["ins"] = "underline",
        ["s"] = "strikethrough", ["strike"] = "strikethrough", ["del"] = "strikethrough",
        ["span"] = "spoiler", ["tg-spoiler"] = "spoiler",
        ["a"] = "text_link", ["code"] = "code", ["pre"] = "pre",
        ["blockquote"] = "blockquote", ["tg-emoji"] = "custom_emoji",
    };

    private static readonly Dictionary<string, string> NamedEntities = new()
    {
        ["lt"] = "<", ["gt"] = ">", ["amp"] = "&", ["quot"] = "\"",
    };

    private sealed class OpenTag(string name, string? type, int offset)
    {
        public string Name { get; } = name;
        public string? Type { get; set; } = type;
        public int Offset { get; } = offset;
        public string? Url { get; init; }
        public string? Language { get; set; }
        public string? CustomEmojiId { get; init; }
    }

    public static FormattedText Parse(string html)
    {
        var text = new StringBuilder();
        var open = new Stack<OpenTag>();
        var entities = new List<MessageEntity>();
        var i = 0;
        while (i < html.Length)
        {
            switch (html[i])
            {
                case '<' when i + 1 < html.Length && html[i + 1] == '/':
                    i = CloseTag(html, i, text, open, entities);
                    break;
                case '<':
                    i = OpenTagAt(html, i, text, open);
                    break;
                case '&':
                    i = Entity(html, i, text);
                    break;
                case '>':
                    throw Error(html, i, "Unexpected \">\"; use &gt;");
                default:
                    text.Append(html[i++]);
                    break;
            }
        }
        if (open.Count > 0) throw ApiError.BadRequest($"can't parse entities: Can't find end tag corresponding to start tag \"{open.Peek().Name}\"");
        var ordered = entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length).ToList();
        return new FormattedText(text.ToString(), ordered);
    }

    private static int OpenTagAt(string html, int start, StringBuilder text, Stack<OpenTag> open)
    {
        var i = start + 1;
        var name = ReadName(html, ref i);
        if (name.Length == 0) throw Error(html, start, "Unsupported start tag \"\"; use &lt; for a literal <");
        var attributes = new Dictionary<string, string>();
        while (true)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            if (i >= html.Length) throw Error(html, start, $"Unclosed start tag \"{name}\"");
            if (html[i] == '>') break;
            var attribute = ReadName(html, ref i);
            if (attribute.Length == 0) throw Error(html, i, $"Unexpected character in start tag \"{name}\"");
            attributes[attribute] = i < html.Length && html[i] == '=' ? ReadValue(html, ref i) : "";
        }
        if (!EntityTypes.TryGetValue(name, out var type)) throw Error(html, start, $"Unsupported start tag \"{name}\"");
        if (name == "span" && attributes.GetValueOrDefault("class") != "tg-spoiler") throw Error(html, start, "Unsupported start tag \"span\"");
        if (name == "tg-emoji" && !attributes.ContainsKey("emoji-id")) throw Error(html, start, "Tag \"tg-emoji\" must have attribute \"emoji-id\"");
        if (name == "blockquote" && attributes.ContainsKey("expandable")) type = "expandable_blockquote";
        if (name == "a" && !attributes.ContainsKey("href")) type = null;
        if (name == "code" && open.TryPeek(out var parent) && parent.Name == "pre")
        {
            // <pre><code class="language-x"> is one pre entity carrying the language.
            var language = attributes.GetValueOrDefault("class");
            if (language?.StartsWith("language-", StringComparison.Ordinal) == true) parent.Language = language["language-".Length..];
            type = null;
        }
        open.Push(new OpenTag(name, type, text.Length)
        {
            Url = attributes.GetValueOrDefault("href"),
            CustomEmojiId = attributes.GetValueOrDefault("emoji-id"),
        });
        return i + 1;
    }

    private static int CloseTag(string html, int start, StringBuilder text, Stack<OpenTag> open, List<MessageEntity> entities)
    {
        var i = start + 2;
        var name = ReadName(html, ref i);
        while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
        if (i >= html.Length || html[i] != '>') throw Error(html, start, $"Unclosed end tag \"{name}\"");
        if (!open.TryPop(out var tag)) throw Error(html, start, $"Unexpected end tag \"{name}\"");
        if (tag.Name != name) throw Error(html, start, $"Unmatched end tag, expected \"</{tag.Name}>\", found \"</{name}>\"");
        var length = text.Length - tag.Offset;
        if (tag.Type is not null && length > 0)
        {
            entities.Add(new MessageEntity(tag.Type, tag.Offset, length, tag.Type == "text_link" ? tag.Url : null,
                tag.Language, tag.Type == "custom_emoji" ? tag.CustomEmojiId : null));
        }
        return i + 1;
    }

    private static string ReadName(string html, ref int i)
    {
        var start = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or '_')) i++;
        return html[start..i].ToLowerInvariant();
    }

    private static string ReadValue(string html, ref int i)
    {
        i++; // '='
        var value = new StringBuilder();
        if (i < html.Length && html[i] is '"' or '\'')
        {
            var quote = html[i++];
            while (i < html.Length && html[i] != quote) i = html[i] == '&' ? Entity(html, i, value) : Append(value, html[i], i);
            if (i >= html.Length) throw Error(html, i, "Unclosed attribute value");
            i++;
        }
        else
        {
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i = html[i] == '&' ? Entity(html, i, value) : Append(value, html[i], i);
        }
        return value.ToString();
    }

    private static int Append(StringBuilder value, char c, int i)
    {
        value.Append(c);
        return i + 1;
    }

    private static int Entity(string html, int start, StringBuilder text)
    {
        var end = html.IndexOf(';', start);
        var name = end < 0 ? "" : html[(start + 1)..end];
        if (NamedEntities.TryGetValue(name, out var named))
        {
            text.Append(named);
            return end + 1;
        }
        if (name.StartsWith('#') && CodePoint(name[1..]) is { } code)
        {
            text.Append(char.ConvertFromUtf32(code));
            return end + 1;
        }
        throw Error(html, start, "Unsupported HTML entity; use &amp; for a literal &");
    }

    private static int? CodePoint(string digits)
    {
        var parsed = digits.StartsWith('x') || digits.StartsWith('X')
            ? int.TryParse(digits[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        var valid = parsed && value is > 0 and <= 0x10FFFF && value is < 0xD800 or > 0xDFFF;
        return valid ? value : null;
    }

    private static ApiError Error(string html, int index, string detail) =>
        ApiError.BadRequest($"can't parse entities: {detail} at byte offset {Encoding.UTF8.GetByteCount(html.AsSpan(0, index))}");
}
