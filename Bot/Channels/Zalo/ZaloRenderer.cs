using System.Text.Json.Nodes;
using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>
/// One message in Zalo's terms: plain text with template buttons. A choice is an "oa.query.hide" button whose payload
/// ("#" + the choice's payload) comes back as the person's text; a link is an "oa.open.url" button. An offer to share the
/// phone number is the OA's "request_user_info" template (the person's answer comes back as a user_submit_info event).
/// </summary>
public static class ZaloRenderer
{
    public const int MaxText = 2000;
    public const string PayloadMark = "#";

    /// <summary>The request_user_info template's title; its subtitle is the message's text (Zalo shows at most 500 characters).</summary>
    public const string RequestInfoTitle = "Nhận thông báo thanh toán hồ sơ";

    /// <param name="imageUrl">The picture the request_user_info template shows (Zalo requires one).</param>
    public static JsonObject Render(OutgoingMessage message, string imageUrl)
    {
        if (message.AsksForPhone)
            return new JsonObject
            {
                ["attachment"] = new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject
                    {
                        ["template_type"] = "request_user_info",
                        ["elements"] = new JsonArray(new JsonObject
                        {
                            ["title"] = RequestInfoTitle,
                            ["subtitle"] = message.Text.Length > 500 ? message.Text[..500] : message.Text,
                            ["image_url"] = imageUrl,
                        }),
                    },
                },
            };
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
