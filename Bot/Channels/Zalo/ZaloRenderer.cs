using System.Text.Json.Nodes;
using ChatPay.Bot.Storage;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>
/// Zalo messages are plain text with template buttons: a choice is an "oa.query.hide" button whose payload
/// ("#" + the choice's payload) comes back as the person's text; a link is an "oa.open.url" button. Zalo shows
/// few buttons per message, so more go on following messages.
/// </summary>
public static class ZaloRenderer
{
    public const int MaxText = 2000;
    public const string PayloadMark = "#";

    public static IReadOnlyList<JsonObject> Render(ChatLogEntry entry, int maxButtons)
    {
        var buttons = entry.Links.Select(l => Button(l.Label, "oa.open.url", new JsonObject { ["url"] = l.Url }))
            .Concat(entry.ChosenLabel is null ? entry.Choices.Select(c => Button(c.Label, "oa.query.hide", PayloadMark + c.Payload)) : [])
            .ToList();
        var texts = Split(entry.Text);
        var messages = texts.Select(t => new JsonObject { ["text"] = t }).ToList();
        var groups = buttons.Chunk(maxButtons).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var message = i == 0 ? messages[^1] : new JsonObject { ["text"] = "Lựa chọn khác:" };
            message["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject { ["buttons"] = new JsonArray([.. groups[i]]) },
            };
            if (i > 0) messages.Add(message);
        }
        return messages;
    }

    /// <summary>Zalo cannot edit a sent message; a taken alert is announced with its first and last lines.</summary>
    public static JsonObject RenderUpdate(ChatLogEntry entry)
    {
        var lines = entry.Text.Split('\n');
        return new JsonObject { ["text"] = lines.Length > 1 ? $"{lines[0]}\n{lines[^1]}" : lines[0] };
    }

    private static JsonObject Button(string title, string type, JsonNode payload) => new() { ["title"] = title, ["type"] = type, ["payload"] = payload };

    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (current.Length > 0 && current.Length + line.Length + 1 > MaxText)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append('\n');
            current.Append(line.Length > MaxText ? line[..MaxText] : line);
        }
        parts.Add(current.Length == 0 ? "…" : current.ToString());
        return parts;
    }
}
