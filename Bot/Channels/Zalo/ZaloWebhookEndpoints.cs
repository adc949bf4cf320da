using System.Text.Json;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Pages;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>
/// POST /zalo/webhook: Zalo's events, trusted only when X-ZEvent-Signature matches the raw body. Each event is
/// handled (in its chat's order) and stored before the 200, and a redelivered message (same msg_id) changes nothing.
/// </summary>
public static class ZaloWebhookEndpoints
{
    public const string Path = "/zalo/webhook";
    private const int MaxBodyBytes = 256 * 1024;
    private static readonly KeyedLock Chats = new();

    /// <summary>How far an event's timestamp may be from now (Zalo's guide and Stripe's both use 5 minutes).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public const string RequestInfoImagePath = "/zalo/lien-ket.png";

    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)).ExcludeFromDescription();
        // The picture Zalo shows on the request for the person's phone number: the QR code of ChatPay's web chat.
        app.MapGet(RequestInfoImagePath, (AppLinks links) => Results.File(QrPng.Of(links.Home, pixelsPerModule: 8), "image/png")).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ReceiveAsync(HttpRequest request, ChatDesk desk, ChatPayMetrics metrics, IOptions<ZaloOptions> options, ZaloImages images,
        IChatPayStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var raw = buffer.ToArray();

        // Text that is not UTF-8 cannot be read as a string later; refuse it before anything is read from it.
        if (!System.Text.Unicode.Utf8.IsValid(raw)) return Results.BadRequest();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(raw).RootElement;
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (body.ValueKind != JsonValueKind.Object) return Results.BadRequest();
        var appId = Text(body, "app_id");
        var timestamp = Text(body, "timestamp");
        if (appId != options.Value.AppId || !ZaloSignature.Verify(request.Headers[ZaloSignature.Header], appId, raw, timestamp, options.Value.OaSecretKey))
            return Results.Unauthorized();
        // A signed event is still refused far from its time: a captured one cannot be replayed later.
        if (!long.TryParse(timestamp, out var millis) || Math.Abs(clock.GetUtcNow().ToUnixTimeMilliseconds() - millis) > MaxClockSkew.TotalMilliseconds)
            return Results.Unauthorized();

        if (ZnsReceipt(body) is var (messageId, deliveredAt) && messageId.Length > 0)
        {
            // ZNS's delivery receipt (X-ZEvent-Server: ZNS): the phone notice reached the person.
            store.Write(session =>
            {
                if (session.PhoneMessages.FindByMessageId(messageId) is not { } message) return false;
                message.DeliveredAt(deliveredAt);
                session.PhoneMessages.Save(message);
                return true;
            });
            return Results.Ok();
        }
        if (Read(body) is not var (chat, input, key)) return Results.Ok();
        // A picture is fetched and read before the step (which must not wait on the network); only what it said is kept.
        if (input is ImageAt image) input = await images.ReadAsync(image.Url, cancellationToken);
        using (await Chats.AcquireAsync(chat.Key, cancellationToken)) desk.Handle(chat, input, key);
        metrics.UpdatesHandled(ZaloChannel.Name);
        return Results.Ok();
    }

    private static (ChatAddress Chat, ChatInput Input, string Key)? Read(JsonElement body)
    {
        switch (Text(body, "event_name"))
        {
            case "user_send_text":
                var sender = body.TryGetProperty("sender", out var s) ? Text(s, "id") : "";
                var message = body.TryGetProperty("message", out var m) ? m : default;
                var msgId = message.ValueKind == JsonValueKind.Object ? Text(message, "msg_id") : "";
                if (sender.Length == 0 || msgId.Length == 0) return null;
                var text = Text(message, "text");
                ChatInput input = text.StartsWith(ZaloRenderer.PayloadMark, StringComparison.Ordinal)
                    ? new PressInput(text[ZaloRenderer.PayloadMark.Length..], null)
                    : new TextInput(text);
                return (new ChatAddress(ZaloChannel.Name, sender), input, $"Zalo:msg:{msgId}");

            case "user_send_image":
                var photographer = body.TryGetProperty("sender", out var p) ? Text(p, "id") : "";
                var sent = body.TryGetProperty("message", out var pm) ? pm : default;
                var imageId = sent.ValueKind == JsonValueKind.Object ? Text(sent, "msg_id") : "";
                var url = sent.ValueKind == JsonValueKind.Object && sent.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
                    ? attachments.EnumerateArray().Where(a => Text(a, "type") == "image" && a.TryGetProperty("payload", out _)).Select(a => Text(a.GetProperty("payload"), "url")).FirstOrDefault() ?? ""
                    : "";
                if (photographer.Length == 0 || imageId.Length == 0 || url.Length == 0) return null;
                return (new ChatAddress(ZaloChannel.Name, photographer), new ImageAt(url), $"Zalo:msg:{imageId}");

            // The person's answer to the request for user info: the number is theirs (Zalo fills it from their account).
            case "user_submit_info":
                var submitter = body.TryGetProperty("sender", out var who) ? Text(who, "id") : "";
                var phone = body.TryGetProperty("info", out var info) ? Text(info, "phone") : "";
                if (submitter.Length == 0 || phone.Length == 0) return null;
                return (new ChatAddress(ZaloChannel.Name, submitter), new ContactInput(phone, OwnNumber: true), $"Zalo:info:{submitter}:{Text(body, "timestamp")}");

            case "follow":
                var follower = body.TryGetProperty("follower", out var f) ? Text(f, "id") : "";
                if (follower.Length == 0) return null;
                return (new ChatAddress(ZaloChannel.Name, follower), new TextInput("/start"), $"Zalo:follow:{follower}:{Text(body, "timestamp")}");

            default:
                return null;
        }
    }

    /// <summary>A ZNS delivery receipt's message id and delivery time; ("", …) for any other event.</summary>
    private static (string MessageId, DateTimeOffset At) ZnsReceipt(JsonElement body)
    {
        if (Text(body, "event_name") != "user_received_message" || !body.TryGetProperty("message", out var message)) return ("", default);
        var at = long.TryParse(Text(message, "delivery_time"), out var millis) ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : DateTimeOffset.UtcNow;
        // Customer-service messages are acknowledged the same way, with no tracking id: those are not phone notices.
        return Text(message, "tracking_id").Length > 0 ? (Text(message, "msg_id"), at) : ("", default);
    }

    /// <summary>A picture to fetch, until it is read into a <see cref="PhotoInput"/>.</summary>
    private sealed record ImageAt(string Url) : ChatInput;

    /// <summary>A field as text: Zalo sends some numbers (timestamps, ids) as strings and some as numbers.</summary>
    private static string Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return "";
        if (value.ValueKind == JsonValueKind.Number) return value.GetRawText();
        if (value.ValueKind != JsonValueKind.String) return "";
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // A \u escape of half a surrogate pair is no text: read as absent.
            return "";
        }
    }
}
