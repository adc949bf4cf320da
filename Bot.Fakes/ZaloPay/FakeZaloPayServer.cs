using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatPay.Fakes.ZaloPay;

/// <summary>
/// ZaloPay's payment gateway (API v2) on a loopback port, enforcing its rules: a MAC with key1 over the exact strings sent
/// (-402), an app_trans_id that starts with the GMT+7 date and is at most 40 characters (-401), unique (-68), an app_time
/// within 15 minutes, the expiry bounds. When a test pays an order (<see cref="PayAsync"/>) it calls the merchant back
/// once paid only, signed with key2 over the exact data string, again at most 3 times while the merchant does not
/// acknowledge; /v2/query moves from 3 (unpaid) to 1 or 2; refunds are asynchronous and capped at what was paid. Thread-safe.
/// </summary>
public sealed partial class FakeZaloPayServer : IAsyncDisposable
{
    private static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);
    private static readonly TimeSpan AppTimeWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DefaultExpiry = TimeSpan.FromMinutes(15);

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, ZaloPayOrder> _orders = new();
    private readonly ConcurrentDictionary<string, (long ZpTransId, long Amount)> _refunds = new();
    private readonly ConcurrentQueue<ZaloPayCallback> _callbacks = new();
    private long _lastZpTransId = 250_101_000_000_000;

    private FakeZaloPayServer(FakeZaloPayOptions options, WebApplication app)
    {
        Options = options;
        _app = app;
        _http = new HttpClient { Timeout = options.CallbackTimeout };
    }

    public FakeZaloPayOptions Options { get; }

    /// <summary>"http://127.0.0.1:PORT": the merchant's Payments:ZaloPay:ApiUrl (openapi.zalopay.vn).</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyCollection<ZaloPayOrder> Orders => [.. _orders.Values];

    /// <summary>Every callback attempt, in the order made.</summary>
    public IReadOnlyList<ZaloPayCallback> Callbacks => [.. _callbacks];

    public static async Task<FakeZaloPayServer> StartAsync(FakeZaloPayOptions? options = null)
    {
        var app = LoopbackApp.Create();
        var server = new FakeZaloPayServer(options ?? new FakeZaloPayOptions(), app);
        app.MapPost("/v2/create", async (HttpRequest request) => Results.Json(server.Create(await RequestFields.ReadAsync(request, formsToo: true))));
        app.MapPost("/v2/query", async (HttpRequest request) => Results.Json(server.Query(await RequestFields.ReadAsync(request, formsToo: true))));
        app.MapPost("/v2/refund", async (HttpRequest request) => Results.Json(server.Refund(await RequestFields.ReadAsync(request, formsToo: true))));
        app.MapPost("/v2/query_refund", async (HttpRequest request) => Results.Json(server.QueryRefund(await RequestFields.ReadAsync(request, formsToo: true))));
        app.MapGet("/order/{token}", (string token) => server._orders.Values.FirstOrDefault(o => o.Token == token) is { } order
            ? Results.Content($"<!doctype html><title>ZaloPay</title><p>{order.Description}</p><p>{order.Amount:N0} VND</p>", "text/html; charset=utf-8")
            : Results.NotFound());
        server.BaseUrl = await LoopbackApp.StartAsync(app);
        return server;
    }

    /// <summary>The person pays: the order is paid, and the merchant is called back until it acknowledges or the retries run out.</summary>
    public async Task PayAsync(string appTransId)
    {
        var order = Settle(appTransId, ZaloPayOrderState.Paid);
        order.ZpTransId = Interlocked.Increment(ref _lastZpTransId);
        var data = CallbackData(order);
        var body = JsonSerializer.Serialize(new { data, mac = ZaloPayMac.Of(Options.Key2, data), type = 1 });
        var url = order.CallbackUrl ?? Options.CallbackUrl ?? throw new InvalidOperationException("The order names no callback_url and none is registered.");
        if (!Options.CallbacksArrive) return;
        for (var attempt = 0; attempt <= Options.CallbackRetries; attempt++)
        {
            if (attempt > 0) await Task.Delay(Options.CallbackRetryDelay, Options.Clock);
            var returnCode = await CallBackAsync(url, body);
            _callbacks.Enqueue(new ZaloPayCallback(appTransId, body, returnCode, Options.Clock.GetUtcNow()));
            // 1 = stored, 2 = stored before; anything but 0 (or no answer) tells ZaloPay not to try again.
            if (returnCode is not (null or 0)) return;
        }
    }

    /// <summary>The payment fails (declined, cancelled): ZaloPay does not call back for it; /v2/query answers 2.</summary>
    public void Fail(string appTransId) => Settle(appTransId, ZaloPayOrderState.Failed);

    private ZaloPayOrder Settle(string appTransId, ZaloPayOrderState state)
    {
        var order = _orders.TryGetValue(appTransId, out var found) ? found : throw new InvalidOperationException($"No order {appTransId}.");
        if (order.State != ZaloPayOrderState.Unpaid) throw new InvalidOperationException($"Order {appTransId} is already {order.State}.");
        order.State = state;
        return order;
    }

    private async Task<int?> CallBackAsync(string url, string body)
    {
        try
        {
            using var response = await _http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            if (!response.IsSuccessStatusCode) return null;
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
            return answer?["return_code"]?.GetValue<int>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private string CallbackData(ZaloPayOrder order) => JsonSerializer.Serialize(new JsonObject
    {
        ["app_id"] = Options.AppId,
        ["app_trans_id"] = order.AppTransId,
        ["app_time"] = order.AppTime,
        ["app_user"] = order.AppUser,
        ["amount"] = order.Amount,
        ["embed_data"] = order.EmbedData,
        ["item"] = order.Item,
        ["zp_trans_id"] = order.ZpTransId,
        ["server_time"] = Options.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
        ["channel"] = 38,
        ["merchant_user_id"] = "",
        ["user_fee_amount"] = 0,
        ["discount_amount"] = 0,
    });

    private Dictionary<string, object> Create(Dictionary<string, string> f)
    {
        if (f.Text("app_id") != Options.AppId.ToString(CultureInfo.InvariantCulture)
            || !ZaloPayMac.Matches(Options.Key1, f.GetValueOrDefault("mac"), f.Text("app_id"), f.Text("app_trans_id"), f.Text("app_user"), f.Text("amount"), f.Text("app_time"), f.Text("embed_data"), f.Text("item")))
            return Refused(-402, "Sai app_id hoặc mac");
        if (Invalid(f) is { } problem) return Refused(-401, problem);
        var now = Options.Clock.GetUtcNow();
        var expiry = f.TryGetValue("expire_duration_seconds", out var seconds) ? TimeSpan.FromSeconds(long.Parse(seconds, CultureInfo.InvariantCulture)) : DefaultExpiry;
        var order = new ZaloPayOrder
        {
            AppTransId = f.Text("app_trans_id"), AppUser = f.Text("app_user"), Amount = long.Parse(f.Text("amount"), CultureInfo.InvariantCulture),
            AppTime = long.Parse(f.Text("app_time"), CultureInfo.InvariantCulture), EmbedData = f.Text("embed_data"), Item = f.Text("item"), Description = f.Text("description"),
            CallbackUrl = f.GetValueOrDefault("callback_url") is { Length: > 0 } callback ? callback : null, ExpiresAt = now + expiry,
            Token = Guid.NewGuid().ToString("N"),
        };
        if (!_orders.TryAdd(order.AppTransId, order)) return Refused(-68, "Trùng app_trans_id");
        return new()
        {
            ["return_code"] = 1, ["return_message"] = "Giao dịch thành công", ["sub_return_code"] = 1, ["sub_return_message"] = "Giao dịch thành công",
            ["zp_trans_token"] = order.Token, ["order_url"] = $"{BaseUrl}/order/{order.Token}", ["order_token"] = order.Token,
            ["qr_code"] = $"00020101021238570010A000000727012700069704540113{order.Token[..13]}0208QRIBFTTA5303704540{order.Amount.ToString(CultureInfo.InvariantCulture).Length}{order.Amount}5802VN6304",
        };
    }

    /// <summary>What ZaloPay refuses as bad parameters (-401), or null.</summary>
    private string? Invalid(Dictionary<string, string> f)
    {
        if (f.Text("app_user").Length is 0 or > 50) return "app_user phải có 1–50 ký tự";
        if (f.Text("description").Length is 0 or > 256) return "description phải có 1–256 ký tự";
        if (!long.TryParse(f.Text("amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0) return "amount không hợp lệ";
        if (!long.TryParse(f.Text("app_time"), NumberStyles.None, CultureInfo.InvariantCulture, out var appTime)) return "app_time không hợp lệ";
        var at = DateTimeOffset.FromUnixTimeMilliseconds(appTime);
        if ((Options.Clock.GetUtcNow() - at).Duration() > AppTimeWindow) return "app_time quá 15 phút";
        var id = f.Text("app_trans_id");
        if (id.Length > 40 || !TransIdShape().IsMatch(id) || id[..6] != at.ToOffset(VietnamTime).ToString("yyMMdd", CultureInfo.InvariantCulture))
            return "app_trans_id phải bắt đầu bằng ngày yymmdd (GMT+7) và dài tối đa 40 ký tự";
        if (!IsJson(f.Text("item"), JsonValueKind.Array, 2048)) return "item phải là một mảng JSON, tối đa 2048 ký tự";
        if (!IsJson(f.Text("embed_data"), JsonValueKind.Object, 1024)) return "embed_data phải là một đối tượng JSON, tối đa 1024 ký tự";
        if (f.TryGetValue("expire_duration_seconds", out var seconds)
            && (!long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s is < 300 or > 2_592_000))
            return "expire_duration_seconds phải trong 300–2592000";
        return null;
    }

    private Dictionary<string, object> Query(Dictionary<string, string> f)
    {
        if (f.Text("app_id") != Options.AppId.ToString(CultureInfo.InvariantCulture) || !ZaloPayMac.Matches(Options.Key1, f.GetValueOrDefault("mac"), f.Text("app_id"), f.Text("app_trans_id"), Options.Key1))
            return Refused(-402, "Sai app_id hoặc mac");
        if (!_orders.TryGetValue(f.Text("app_trans_id"), out var order)) return Refused(-401, "Giao dịch không tồn tại");
        var code = order.State switch
        {
            ZaloPayOrderState.Paid => 1,
            ZaloPayOrderState.Failed => 2,
            _ when Options.Clock.GetUtcNow() > order.ExpiresAt => 2,
            _ => 3,
        };
        return new()
        {
            ["return_code"] = code, ["return_message"] = code switch { 1 => "Giao dịch thành công", 2 => "Giao dịch thất bại", _ => "Giao dịch chưa thanh toán" },
            ["sub_return_code"] = code, ["is_processing"] = false, ["amount"] = order.Amount, ["zp_trans_id"] = order.ZpTransId,
        };
    }

    private Dictionary<string, object> Refund(Dictionary<string, string> f)
    {
        if (f.Text("app_id") != Options.AppId.ToString(CultureInfo.InvariantCulture)
            || !ZaloPayMac.Matches(Options.Key1, f.GetValueOrDefault("mac"), f.Text("app_id"), f.Text("zp_trans_id"), f.Text("amount"), f.Text("description"), f.Text("timestamp")))
            return Refused(-402, "Sai app_id hoặc mac");
        if (!RefundIdShape().IsMatch(f.Text("m_refund_id")) || !f.Text("m_refund_id").Contains($"_{Options.AppId}_", StringComparison.Ordinal))
            return Refused(-401, "m_refund_id phải có dạng yymmdd_appid_xxx");
        if (!long.TryParse(f.Text("amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0) return Refused(-401, "amount không hợp lệ");
        if (_refunds.TryGetValue(f.Text("m_refund_id"), out var earlier)) return Processing(earlier.ZpTransId);
        lock (_orders)
        {
            var order = _orders.Values.FirstOrDefault(o => o.State == ZaloPayOrderState.Paid && o.ZpTransId.ToString(CultureInfo.InvariantCulture) == f.Text("zp_trans_id"));
            if (order is null) return Refused(-401, "Giao dịch không tồn tại hoặc chưa thanh toán");
            if (order.Refunded + amount > order.Amount) return Refused(-401, "Số tiền hoàn vượt quá số tiền đã thanh toán");
            order.Refunded += amount;
            _refunds[f.Text("m_refund_id")] = (order.ZpTransId, amount);
            return Processing(order.ZpTransId);
        }

        static Dictionary<string, object> Processing(long zpTransId) => new()
        {
            ["return_code"] = 3, ["return_message"] = "Đang xử lý hoàn tiền", ["sub_return_code"] = 3, ["refund_id"] = zpTransId + 1_000_000_000,
        };
    }

    private Dictionary<string, object> QueryRefund(Dictionary<string, string> f)
    {
        if (f.Text("app_id") != Options.AppId.ToString(CultureInfo.InvariantCulture) || !ZaloPayMac.Matches(Options.Key1, f.GetValueOrDefault("mac"), f.Text("app_id"), f.Text("m_refund_id"), f.Text("timestamp")))
            return Refused(-402, "Sai app_id hoặc mac");
        // Refunds are processed asynchronously; by the time the merchant asks, this one has gone through.
        return _refunds.ContainsKey(f.Text("m_refund_id"))
            ? new() { ["return_code"] = 1, ["return_message"] = "Hoàn tiền thành công", ["sub_return_code"] = 1 }
            : Refused(-401, "Không tìm thấy yêu cầu hoàn tiền");
    }

    /// <summary>
    /// return_code 2 with a sub-code: -402 (app or MAC), -68 (duplicate) and -401 (bad parameters) are ZaloPay's documented
    /// ones; where its documents name none (an unknown order, a refund over the amount) the fake answers -401 too.
    /// </summary>
    private static Dictionary<string, object> Refused(int subCode, string message) =>
        new() { ["return_code"] = 2, ["return_message"] = "Giao dịch thất bại", ["sub_return_code"] = subCode, ["sub_return_message"] = message };

    private static bool IsJson(string text, JsonValueKind kind, int maxLength)
    {
        if (text.Length > maxLength) return false;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == kind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\d{6}_[0-9A-Za-z_\-.]+$")]
    private static partial Regex TransIdShape();

    [GeneratedRegex(@"^\d{6}_\d+_[0-9A-Za-z_\-.]+$")]
    private static partial Regex RefundIdShape();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
