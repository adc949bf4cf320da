using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatPay.Fakes.Zalo;

/// <summary>
/// ZNS ("ZBS Template Message") by phone, POST /message/template on business.openapi.zalo.me, as the protocol notes
/// describe it: always HTTP 200; -124 without a valid OA token; -108 a phone not in "84…" form; -118 a number with no
/// Zalo account; -109 an unknown template, -131 one not approved; -112 data missing, not text, too long, or without a
/// tracking_id of at most 48 plain characters; -144 once the daily quota is spent; development mode only to admins.
/// </summary>
internal sealed partial class ZnsBook(FakeZaloOptions options)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _zaloPhones = [];
    private readonly HashSet<string> _admins = [];
    private readonly Dictionary<string, ZnsTemplate> _templates = options.ZnsTemplates.ToDictionary(t => t.Id);
    private readonly List<ZnsSent> _sent = [];
    private int _remaining = options.ZnsDailyQuota;
    private readonly Signal _changed = new();

    public Signal Changed => _changed;

    public void RegisterPhone(string phone, bool admin)
    {
        lock (_gate)
        {
            _zaloPhones.Add(phone);
            if (admin) _admins.Add(phone);
        }
    }

    public void SetQuota(int remaining)
    {
        lock (_gate) _remaining = remaining;
    }

    public IReadOnlyList<ZnsSent> Sent
    {
        get
        {
            lock (_gate) return [.. _sent];
        }
    }

    public JsonObject Send(string body)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            throw new ZaloError(-112, "Invalid data: the body is not JSON");
        }
        var phone = Text(root, "phone") ?? "";
        var templateId = Text(root, "template_id") ?? "";
        var trackingId = Text(root, "tracking_id");
        var development = Text(root, "mode") == "development";
        lock (_gate)
        {
            if (!PhoneForm().IsMatch(phone)) throw new ZaloError(-108, "Phone number is invalid");
            if (!_templates.TryGetValue(templateId, out var template)) throw new ZaloError(-109, "Template id is invalid");
            if (!template.Approved) throw new ZaloError(-131, "Template is not approved");
            if (trackingId is null || trackingId.Length is 0 or > 48 || !TrackingForm().IsMatch(trackingId))
                throw new ZaloError(-112, "Invalid data: tracking_id is required, at most 48 letters, digits, _ or -");
            var data = Data(root, template);
            if (!_zaloPhones.Contains(phone)) throw new ZaloError(-118, "Zalo account does not exist");
            if (development && !_admins.Contains(phone)) throw new ZaloError(-100, "Development mode sends only to the app's or OA's admins");
            if (_remaining <= 0) throw new ZaloError(-144, "OA has exceeded the daily quota");
            _remaining--;
            var sent = new ZnsSent(phone, templateId, data, trackingId, Guid.NewGuid().ToString("N")[..20], options.Clock.GetUtcNow());
            _sent.Add(sent);
            _changed.Pulse();
            return new JsonObject
            {
                ["error"] = 0,
                ["message"] = "Success",
                ["data"] = new JsonObject
                {
                    ["msg_id"] = sent.MsgId,
                    ["sent_time"] = sent.At.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["sending_mode"] = "1",
                    ["quota"] = new JsonObject { ["dailyQuota"] = options.ZnsDailyQuota.ToString(), ["remainingQuota"] = _remaining.ToString() },
                },
            };
        }
    }

    private static Dictionary<string, string> Data(JsonElement root, ZnsTemplate template)
    {
        if (!root.TryGetProperty("template_data", out var data) || data.ValueKind != JsonValueKind.Object)
            throw new ZaloError(-111, "Template data is empty");
        var values = new Dictionary<string, string>();
        foreach (var (name, maxLength) in template.Parameters)
        {
            // Every value is a string, even an amount: a number is refused as Zalo refuses it.
            if (!data.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text || text.Length > maxLength)
                throw new ZaloError(-112, $"Invalid data: {name} is missing, not a string or longer than {maxLength}");
            values[name] = text;
        }
        return values;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^84[1-9][0-9]{8,9}$")]
    private static partial Regex PhoneForm();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex TrackingForm();
}
