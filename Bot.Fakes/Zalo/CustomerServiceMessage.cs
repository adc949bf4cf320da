using System.Text.Json;

namespace ChatPay.Fakes.Zalo;

/// <summary>
/// The body of POST /v3.0/oa/message/cs as Zalo validates it: a recipient, a text, and optionally a template attachment
/// with up to five query or open-url buttons; or, without a text, the request_user_info template (one element: title,
/// subtitle, image_url), whose text is its subtitle. Every breach is -201. Fields the fake does not know are ignored, as
/// Zalo ignores them; kinds of attachment and button it does not model are refused rather than passed through.
/// </summary>
internal sealed record CustomerServiceMessage(string UserId, string Text, IReadOnlyList<ZaloButton> Buttons, bool RequestsUserInfo = false)
{
    public const int MaxSubtitleLength = 500;

    // Lengths count UTF-16 code units, as Zalo's Java back end does.
    public const int MaxTextLength = 2000;
    public const int MaxButtons = 5;
    public const int MaxTitleLength = 100;
    public const int MaxQueryPayloadLength = 1000;

    public static CustomerServiceMessage Parse(string body)
    {
        using var document = Document(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw ZaloError.Invalid("the body must be a JSON object");
        var userId = RecipientOf(root) ?? throw ZaloError.Invalid("recipient.user_id is missing");
        if (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            throw ZaloError.Invalid("message is missing");
        if (message.TryGetProperty("attachment", out var template) && RequestedInfo(template) is { } subtitle)
            return new CustomerServiceMessage(userId, subtitle, [], RequestsUserInfo: true);
        var text = StringField(message, "text") ?? throw ZaloError.Invalid("message.text is missing");
        if (string.IsNullOrWhiteSpace(text)) throw ZaloError.Invalid("message.text is empty");
        if (text.Length > MaxTextLength) throw ZaloError.Invalid($"message.text is longer than {MaxTextLength} characters");
        var buttons = message.TryGetProperty("attachment", out var attachment) && attachment.ValueKind != JsonValueKind.Null
            ? TemplateButtons(attachment)
            : [];
        return new CustomerServiceMessage(userId, text, buttons);
    }

    /// <summary>The recipient a body names, for the call log, even when the body is otherwise refused.</summary>
    public static string? UserIdIn(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? RecipientOf(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonDocument Document(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw ZaloError.Invalid("the body is not valid JSON");
        }
    }

    // A string id only: Zalo's ids exceed a double's exact range, so a number would already be a bug.
    private static string? RecipientOf(JsonElement root) =>
        root.TryGetProperty("recipient", out var recipient) && recipient.ValueKind == JsonValueKind.Object
            ? StringField(recipient, "user_id") is { Length: > 0 } id ? id : null
            : null;

    /// <summary>The subtitle of a request_user_info template; null for any other attachment.</summary>
    private static string? RequestedInfo(JsonElement attachment)
    {
        if (attachment.ValueKind != JsonValueKind.Object || !attachment.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || StringField(payload, "template_type") != "request_user_info")
            return null;
        if (!payload.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() != 1)
            throw ZaloError.Invalid("request_user_info needs exactly one element");
        var element = elements[0];
        var title = StringField(element, "title");
        var subtitle = StringField(element, "subtitle");
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength) throw ZaloError.Invalid($"the element's title must be 1–{MaxTitleLength} characters");
        if (string.IsNullOrWhiteSpace(subtitle) || subtitle.Length > MaxSubtitleLength) throw ZaloError.Invalid($"the element's subtitle must be 1–{MaxSubtitleLength} characters");
        if (!Uri.TryCreate(StringField(element, "image_url"), UriKind.Absolute, out var image) || image.Scheme is not ("http" or "https"))
            throw ZaloError.Invalid("the element needs image_url, an absolute http(s) URL");
        return subtitle;
    }

    private static List<ZaloButton> TemplateButtons(JsonElement attachment)
    {
        if (attachment.ValueKind != JsonValueKind.Object || StringField(attachment, "type") != "template")
            throw ZaloError.Invalid("message.attachment must be of type template");
        if (!attachment.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("buttons", out var buttons) || buttons.ValueKind != JsonValueKind.Array)
            throw ZaloError.Invalid("message.attachment.payload.buttons must be an array");
        var count = buttons.GetArrayLength();
        if (count == 0) throw ZaloError.Invalid("message.attachment.payload.buttons is empty");
        if (count > MaxButtons) throw ZaloError.Invalid($"a template holds at most {MaxButtons} buttons");
        return [.. buttons.EnumerateArray().Select(Button)];
    }

    private static ZaloButton Button(JsonElement button)
    {
        if (button.ValueKind != JsonValueKind.Object) throw ZaloError.Invalid("a button must be an object");
        var title = StringField(button, "title") ?? throw ZaloError.Invalid("a button needs a title");
        if (string.IsNullOrWhiteSpace(title)) throw ZaloError.Invalid("a button title is empty");
        if (title.Length > MaxTitleLength) throw ZaloError.Invalid($"a button title is longer than {MaxTitleLength} characters");
        var type = StringField(button, "type") ?? throw ZaloError.Invalid("a button needs a type");
        return type switch
        {
            "oa.query.hide" or "oa.query.show" => new ZaloButton(title, type, QueryPayload(button), null),
            "oa.open.url" => new ZaloButton(title, type, null, OpenUrl(button)),
            _ => throw ZaloError.Invalid($"unknown button type \"{type}\""),
        };
    }

    private static string QueryPayload(JsonElement button)
    {
        var payload = StringField(button, "payload") ?? throw ZaloError.Invalid("a query button's payload must be a string");
        if (payload.Length == 0) throw ZaloError.Invalid("a query button's payload is empty");
        if (payload.Length > MaxQueryPayloadLength)
            throw ZaloError.Invalid($"a query button's payload is longer than {MaxQueryPayloadLength} characters");
        return payload;
    }

    private static string OpenUrl(JsonElement button)
    {
        var url = button.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object ? StringField(payload, "url") : null;
        var valid = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        return valid ? url! : throw ZaloError.Invalid("an oa.open.url button needs payload.url, an absolute http(s) URL");
    }

    private static string? StringField(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
