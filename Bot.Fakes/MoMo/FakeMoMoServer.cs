using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatPay.Fakes.MoMo;

/// <summary>
/// MoMo's one-time payment API (v2) on a loopback port, enforcing its rules: the signature over the alphabetical raw
/// string (13), the amount bounds of the request type (21), the orderId's shape (20), a duplicate orderId (41), a
/// requestId reused for other content (40) while a replay gets the same answer. A test finishes the payment
/// (<see cref="PayAsync"/>, <see cref="DeclineAsync"/>, <see cref="ExpireAsync"/>); MoMo then posts the signed IPN, success
/// and failure alike, and counts anything but a 2xx as undelivered. /query answers 1000 until then; a refund needs a new
/// orderId and is capped at what was paid. Thread-safe.
/// </summary>
public sealed partial class FakeMoMoServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, MoMoOrder> _orders = new();
    private readonly ConcurrentDictionary<string, string> _requests = new();
    private readonly ConcurrentQueue<MoMoIpn> _ipns = new();
    private long _lastTransId = 4_088_878_000;

    private FakeMoMoServer(FakeMoMoOptions options, WebApplication app)
    {
        Options = options;
        _app = app;
        _http = new HttpClient { Timeout = options.IpnTimeout };
    }

    public FakeMoMoOptions Options { get; }

    /// <summary>"http://127.0.0.1:PORT": the partner's Payments:MoMo:ApiUrl (payment.momo.vn).</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyCollection<MoMoOrder> Orders => [.. _orders.Values];

    /// <summary>Every IPN attempt, in the order made.</summary>
    public IReadOnlyList<MoMoIpn> Ipns => [.. _ipns];

    public static async Task<FakeMoMoServer> StartAsync(FakeMoMoOptions? options = null)
    {
        var app = LoopbackApp.Create();
        var server = new FakeMoMoServer(options ?? new FakeMoMoOptions(), app);
        app.MapPost("/v2/gateway/api/create", async (HttpRequest request) => Results.Json(server.Create(await RequestFields.ReadAsync(request))));
        app.MapPost("/v2/gateway/api/query", async (HttpRequest request) => Results.Json(server.Query(await RequestFields.ReadAsync(request))));
        app.MapPost("/v2/gateway/api/refund", async (HttpRequest request) => Results.Json(server.Refund(await RequestFields.ReadAsync(request))));
        app.MapGet("/pay/{orderId}", (string orderId) => server._orders.TryGetValue(orderId, out var order)
            ? Results.Content($"<!doctype html><title>MoMo</title><p>{order.OrderInfo}</p><p>{order.Amount:N0} VND</p>", "text/html; charset=utf-8")
            : Results.NotFound());
        server.BaseUrl = await LoopbackApp.StartAsync(app);
        return server;
    }

    /// <summary>The person pays in the MoMo app: resultCode 0 and a transId; the IPN follows.</summary>
    public Task PayAsync(string orderId) => FinishAsync(orderId, 0, "Successful.");

    /// <summary>The person declines (1006); the IPN follows.</summary>
    public Task DeclineAsync(string orderId) => FinishAsync(orderId, 1006, "Transaction denied by user.");

    /// <summary>The payment link expires unpaid (1005); the IPN follows.</summary>
    public Task ExpireAsync(string orderId) => FinishAsync(orderId, 1005, "Transaction expired.");

    private async Task FinishAsync(string orderId, int resultCode, string message)
    {
        var order = _orders.TryGetValue(orderId, out var found) ? found : throw new InvalidOperationException($"No order {orderId}.");
        if (order.ResultCode != 1000) throw new InvalidOperationException($"Order {orderId} already ended with {order.ResultCode}.");
        order.ResultCode = resultCode;
        if (resultCode == 0) order.TransId = Interlocked.Increment(ref _lastTransId);
        var ipn = Result(order, message);
        ipn["orderType"] = "momo_wallet";
        ipn["payType"] = "qr";
        var signed = ipn.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)!);
        ipn["signature"] = MoMoSignature.Of(Options.SecretKey, Options.AccessKey, signed, MoMoSignature.IpnFields);
        var body = JsonSerializer.Serialize(ipn);
        for (var attempt = 1; attempt <= Options.IpnAttempts; attempt++)
        {
            if (attempt > 1) await Task.Delay(Options.IpnRetryDelay, Options.Clock);
            var status = await PostIpnAsync(order.IpnUrl, body);
            _ipns.Enqueue(new MoMoIpn(orderId, body, status));
            if (status is >= 200 and < 300) return;
        }
    }

    private async Task<int?> PostIpnAsync(string url, string body)
    {
        try
        {
            using var response = await _http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private Dictionary<string, object> Result(MoMoOrder order, string message) => new()
    {
        ["partnerCode"] = Options.PartnerCode, ["orderId"] = order.OrderId, ["requestId"] = order.RequestId, ["amount"] = order.Amount,
        ["orderInfo"] = order.OrderInfo, ["transId"] = order.TransId, ["resultCode"] = order.ResultCode, ["message"] = message,
        ["responseTime"] = Options.Clock.GetUtcNow().ToUnixTimeMilliseconds(), ["extraData"] = order.ExtraData,
    };

    private Dictionary<string, object> Create(Dictionary<string, string> f)
    {
        if (f.Text("partnerCode") != Options.PartnerCode
            || !MoMoSignature.Matches(MoMoSignature.Of(Options.SecretKey, Options.AccessKey, f, MoMoSignature.CreateFields), f.GetValueOrDefault("signature")))
            return Answer(f, 13, "Xác thực doanh nghiệp thất bại.");
        var request = MoMoSignature.RawString(f.Where(p => p.Key != "signature"));
        if (_requests.TryGetValue(f.Text("requestId"), out var earlier))
            return earlier == request && _orders.TryGetValue(f.Text("orderId"), out var replayed) ? Created(replayed) : Answer(f, 40, "RequestId bị trùng.");
        if (f.Text("requestId").Length is 0 or > 50 || f.Text("orderId").Length is 0 or > 200 || !OrderIdShape().IsMatch(f.Text("orderId")) || f.Text("orderInfo").Length > 255
            || f.Text("redirectUrl").Length == 0 || f.Text("ipnUrl").Length == 0 || f.Text("requestType") is not ("captureWallet" or "payWithATM") || !ValidExtraData(f.Text("extraData")))
            return Answer(f, 20, "Yêu cầu sai định dạng.");
        var (least, most) = f.Text("requestType") == "payWithATM" ? (10_000L, 50_000_000L) : (1_000L, 50_000_000L);
        if (!long.TryParse(f.Text("amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < least || amount > most)
            return Answer(f, 21, "Số tiền giao dịch không hợp lệ.");
        var order = new MoMoOrder
        {
            OrderId = f.Text("orderId"), RequestId = f.Text("requestId"), Amount = amount, OrderInfo = f.Text("orderInfo"), ExtraData = f.Text("extraData"),
            IpnUrl = f.Text("ipnUrl"), RedirectUrl = f.Text("redirectUrl"), RequestType = f.Text("requestType"), Request = request,
        };
        if (!_orders.TryAdd(order.OrderId, order)) return Answer(f, 41, "OrderId bị trùng.");
        _requests[order.RequestId] = request;
        return Created(order);
    }

    private Dictionary<string, object> Created(MoMoOrder order)
    {
        var answer = Result(order, "Thành công.");
        answer["resultCode"] = 0;
        answer.Remove("transId");
        answer["payUrl"] = $"{BaseUrl}/pay/{order.OrderId}";
        answer["deeplink"] = $"momo://app?action=payWithApp&orderId={order.OrderId}";
        answer["qrCodeUrl"] = $"momo://app?action=payWithApp&orderId={order.OrderId}&isScanQR=true";
        return answer;
    }

    private Dictionary<string, object> Query(Dictionary<string, string> f)
    {
        if (f.Text("partnerCode") != Options.PartnerCode
            || !MoMoSignature.Matches(MoMoSignature.Of(Options.SecretKey, Options.AccessKey, f, MoMoSignature.QueryFields), f.GetValueOrDefault("signature")))
            return Answer(f, 13, "Xác thực doanh nghiệp thất bại.");
        if (!_orders.TryGetValue(f.Text("orderId"), out var order)) return Answer(f, 42, "OrderId không tồn tại.");
        var answer = Result(order, order.ResultCode switch { 0 => "Thành công.", 1000 => "Giao dịch đang chờ người dùng xác nhận.", 1006 => "Người dùng từ chối.", _ => "Giao dịch hết hạn." });
        answer["requestId"] = f.Text("requestId");
        lock (_orders)
            answer["refundTrans"] = order.Refunds.Select(r => new Dictionary<string, object>
            {
                ["orderId"] = r.OrderId, ["amount"] = r.Amount, ["resultCode"] = 0, ["transId"] = r.TransId, ["createdTime"] = r.At.ToUnixTimeMilliseconds(),
            }).ToArray();
        return answer;
    }

    private Dictionary<string, object> Refund(Dictionary<string, string> f)
    {
        if (f.Text("partnerCode") != Options.PartnerCode
            || !MoMoSignature.Matches(MoMoSignature.Of(Options.SecretKey, Options.AccessKey, f, MoMoSignature.RefundFields), f.GetValueOrDefault("signature")))
            return Answer(f, 13, "Xác thực doanh nghiệp thất bại.");
        // A refund is an order of its own: its orderId must be new.
        if (_orders.ContainsKey(f.Text("orderId"))) return Answer(f, 41, "OrderId bị trùng.");
        if (!_requests.TryAdd(f.Text("requestId"), MoMoSignature.RawString(f))) return Answer(f, 40, "RequestId bị trùng.");
        if (!long.TryParse(f.Text("amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0) return Answer(f, 21, "Số tiền giao dịch không hợp lệ.");
        lock (_orders)
        {
            var paid = _orders.Values.FirstOrDefault(o => o.ResultCode == 0 && o.TransId.ToString(CultureInfo.InvariantCulture) == f.Text("transId"));
            if (paid is null) return Answer(f, 1080, "Hoàn tiền thất bại: giao dịch gốc không tồn tại.");
            if (paid.Refunded >= paid.Amount) return Answer(f, 1081, "Giao dịch đã được hoàn tiền.");
            if (paid.Refunded + amount > paid.Amount) return Answer(f, 1080, "Hoàn tiền thất bại: vượt quá số tiền đã thanh toán.");
            var refund = new MoMoRefund(f.Text("orderId"), amount, Interlocked.Increment(ref _lastTransId), Options.Clock.GetUtcNow());
            paid.Refunds.Add(refund);
            var answer = Answer(f, 0, "Thành công.");
            answer["transId"] = refund.TransId;
            answer["amount"] = amount;
            return answer;
        }
    }

    private Dictionary<string, object> Answer(Dictionary<string, string> f, int resultCode, string message) => new()
    {
        ["partnerCode"] = f.Text("partnerCode"), ["orderId"] = f.Text("orderId"), ["requestId"] = f.Text("requestId"),
        ["resultCode"] = resultCode, ["message"] = message, ["responseTime"] = Options.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
    };

    /// <summary>"" or base64 of a JSON object.</summary>
    private static bool ValidExtraData(string extraData)
    {
        if (extraData.Length == 0) return true;
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(extraData));
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$")]
    private static partial Regex OrderIdShape();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
