using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatPay.Fakes.Zalo;

/// <summary>
/// Posts OA webhook events to the bot the way Zalo does, signed with X-ZEvent-Signature, and tells the fake Zalo what
/// the user did, so the bot's replies find a follower inside their window.
/// </summary>
public sealed class ZaloWebhookDriver(HttpClient http, string webhookUrl, FakeZaloServer zalo)
{
    private const string SignatureHeader = "X-ZEvent-Signature";

    // Zalo sends Vietnamese as raw UTF-8, not \u escapes; a bot hashing anything but the bytes received fails on it.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string _lastMsgId = "";

    /// <summary>The msg_id of the last text sent, "" before any: what the bot dedupes on.</summary>
    public string LastMsgId => Volatile.Read(ref _lastMsgId);

    /// <summary>
    /// Lower-case hex SHA-256 (a plain hash, not HMAC) of the UTF-8 bytes of app_id + raw body + timestamp + OA secret
    /// key, as Zalo's SDKs compute it; the header value is "mac=" followed by it.
    /// </summary>
    public static string Sign(string appId, string body, string timestamp, string oaSecretKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + body + timestamp + oaSecretKey)));

    /// <summary>
    /// The user writes <paramref name="text"/> (event user_send_text). Redelivering an event means sending again with
    /// the same <paramref name="msgId"/>; without one, each text gets a fresh id.
    /// </summary>
    public Task<HttpResponseMessage> SendTextAsync(string userId, string text, string? msgId = null)
    {
        var id = msgId ?? NewMsgId();
        // Writing to an OA needs following it in this fake, and opens the user's window before the bot can answer.
        zalo.Follow(userId);
        Volatile.Write(ref _lastMsgId, id);
        var options = zalo.Options;
        var timestamp = Timestamp();
        var body = new JsonObject
        {
            ["app_id"] = options.AppId,
            ["user_id_by_app"] = UserIdByApp(options.AppId, userId),
            ["event_name"] = "user_send_text",
            ["sender"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = options.OaId },
            ["message"] = new JsonObject { ["msg_id"] = id, ["text"] = text },
            ["timestamp"] = timestamp,
        };
        return PostSignedAsync(body, timestamp);
    }

    /// <summary>
    /// The user fills in the OA's request for their info (event user_submit_info, the number as Zalo gives it: "84…").
    /// Only possible after the OA sent that user a request_user_info message, as in Zalo.
    /// </summary>
    public Task<HttpResponseMessage> SubmitInfoAsync(string userId, string name, string phone)
    {
        if (!zalo.Sent(userId).Any(m => m.RequestsUserInfo)) throw new InvalidOperationException($"The OA never asked {userId} for their info.");
        zalo.Interacted(userId);
        var options = zalo.Options;
        var timestamp = Timestamp();
        var body = new JsonObject
        {
            ["app_id"] = options.AppId,
            ["user_id_by_app"] = UserIdByApp(options.AppId, userId),
            ["event_name"] = "user_submit_info",
            ["sender"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = options.OaId },
            ["info"] = new JsonObject { ["name"] = name, ["phone"] = phone },
            ["timestamp"] = timestamp,
        };
        return PostSignedAsync(body, timestamp);
    }

    /// <summary>The user sends a picture (event user_send_image: its address on Zalo's CDN in message.attachments).</summary>
    public Task<HttpResponseMessage> SendImageAsync(string userId, byte[] jpeg)
    {
        zalo.Follow(userId);
        var url = zalo.StoreImage(jpeg);
        var options = zalo.Options;
        var timestamp = Timestamp();
        var id = NewMsgId();
        var body = new JsonObject
        {
            ["app_id"] = options.AppId,
            ["user_id_by_app"] = UserIdByApp(options.AppId, userId),
            ["event_name"] = "user_send_image",
            ["sender"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = options.OaId },
            ["message"] = new JsonObject
            {
                ["msg_id"] = id,
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["type"] = "image",
                    ["payload"] = new JsonObject { ["thumbnail"] = url, ["url"] = url },
                }),
            },
            ["timestamp"] = timestamp,
        };
        return PostSignedAsync(body, timestamp);
    }

    /// <summary>
    /// ZNS's delivery receipt for a message it sent (event user_received_message, header X-ZEvent-Server: ZNS, the
    /// recipient's phone in recipient.id), sent again as Zalo does while the bot does not answer 200 (at most
    /// <paramref name="attempts"/> times here). Returns the last answer.
    /// </summary>
    public async Task<HttpResponseMessage> DeliverZnsAsync(ZnsSent sent, int attempts = 3)
    {
        var options = zalo.Options;
        HttpResponseMessage? answer = null;
        for (var i = 0; i < attempts; i++)
        {
            var timestamp = Timestamp();
            var body = new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = options.OaId },
                ["recipient"] = new JsonObject { ["id"] = sent.Phone },
                ["event_name"] = "user_received_message",
                ["message"] = new JsonObject
                {
                    ["delivery_time"] = (sent.At + TimeSpan.FromSeconds(2)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    ["msg_id"] = sent.MsgId,
                    ["tracking_id"] = sent.TrackingId,
                },
                ["app_id"] = options.AppId,
                ["timestamp"] = timestamp,
            };
            var raw = body.ToJsonString(Compact);
            using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(SignatureHeader, "mac=" + Sign(options.AppId, raw, timestamp, options.OaSecretKey));
            request.Headers.TryAddWithoutValidation("X-ZEvent-Server", "ZNS");
            answer?.Dispose();
            answer = await http.SendAsync(request);
            if (answer.IsSuccessStatusCode) break;
        }
        return answer!;
    }

    /// <summary>The user follows the OA (event follow, the user in follower.id).</summary>
    public Task<HttpResponseMessage> FollowAsync(string userId)
    {
        zalo.Follow(userId);
        var options = zalo.Options;
        var timestamp = Timestamp();
        var body = new JsonObject
        {
            ["app_id"] = options.AppId,
            ["oa_id"] = options.OaId,
            ["user_id_by_app"] = UserIdByApp(options.AppId, userId),
            ["event_name"] = "follow",
            ["timestamp"] = timestamp,
            ["source"] = "oa_profile",
            ["follower"] = new JsonObject { ["id"] = userId },
        };
        return PostSignedAsync(body, timestamp);
    }

    /// <summary>Posts exactly <paramref name="rawBody"/> with exactly this X-ZEvent-Signature value (null: no header).</summary>
    public async Task<HttpResponseMessage> PostAsync(string rawBody, string? signatureHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(rawBody)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (signatureHeader is not null) request.Headers.TryAddWithoutValidation(SignatureHeader, signatureHeader);
        return await http.SendAsync(request);
    }

    // Serialized once: the signature covers exactly the bytes sent.
    private Task<HttpResponseMessage> PostSignedAsync(JsonObject body, string timestamp)
    {
        var options = zalo.Options;
        var raw = body.ToJsonString(Compact);
        return PostAsync(raw, "mac=" + Sign(options.AppId, raw, timestamp, options.OaSecretKey));
    }

    private string Timestamp() => zalo.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    // Zalo's msg_id: 20 hex digits.
    private static string NewMsgId() => Guid.NewGuid().ToString("N")[..20];

    /// <summary>
    /// A stable id per app and user that differs from the user's OA-scoped id, as Zalo's user_id_by_app does; a bot
    /// replying to it instead of sender.id gets -213.
    /// </summary>
    private static string UserIdByApp(string appId, string userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(appId + ":" + userId));
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) % 1_000_000_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
    }
}
