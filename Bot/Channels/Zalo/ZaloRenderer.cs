using System.Text.Json.Nodes;
using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>
/// One message in Zalo's terms: plain text with template buttons. A choice is an "oa.query.hide" button whose payload
/// ("#" + the choice's payload) comes back as the person's text; a link is an "oa.open.url" button.
/// </summary>
public static class ZaloRenderer
{
    public const int MaxText = 2000;
    public const string PayloadMark = "#";

    public static JsonObject Render(OutgoingMessage message)
    {
        var rendered = new JsonObject { ["text"] = message.Text };
        var buttons = message.Links.Select(l => Button(l.Label, "oa.open.url", new JsonObject { ["url"] = l.Url }))
            .Concat(message.Choices.Select(c => Button(c.Label, "oa.query.hide", PayloadMark + c.Payload)))
            .ToArray();
        if (buttons.Length > 0)
            rendered["attachment"] = new JsonObject { ["type"] = "template", ["payload"] = new JsonObject { ["buttons"] = new JsonArray(buttons) } };
        return rendered;
    }

    private static JsonObject Button(string title, string type, JsonNode payload) => new() { ["title"] = title, ["type"] = type, ["payload"] = payload };
}
