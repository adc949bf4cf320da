using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments.Sandbox.Wallets;
using ChatPay.Domain.Vietnamese;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.ZaloPay;

/// <summary>
/// ZaloPay's API v2 as the embedded sandbox plays it, under /sandbox/zalopay, with keys ChatPay made for itself: create
/// (the MAC with key1, -402; bad parameters — the GMT+7 date prefix, lengths, the 15-minute app_time window, expiry
/// bounds — -401; a duplicate app_trans_id, -68), query (3 until paid, then 1 or 2), the payment page's answers, the
/// callback signed with key2 for paid orders only, and the redirect with its checksum.
/// </summary>
public sealed partial class ZaloPaySandbox(SandboxWalletOrders orders, IOptions<ZaloPayOptions> options, AppLinks links, HttpClient http, TimeProvider clock,
    ILogger<ZaloPaySandbox> logger) : ISandboxWallet
{
    public const string ApiPath = "/sandbox/zalopay";
    private const string Paid = "1", NotPaid = "2";
    private static readonly TimeSpan AppTimeWindow = TimeSpan.FromMinutes(15);

    private ZaloPayOptions Keys => options.Value;

    public string Name => ZaloPayAdapter.GatewayName;

    public string Label => "Ví ZaloPay";

    public IReadOnlyList<(string Code, string Label)> Choices { get; } = [(Paid, "Xác nhận thanh toán"), (NotPaid, "Hủy thanh toán")];

    public bool IsPaid(string code) => code == Paid;

    public string PaymentIdOf(string orderId) => ZaloPayReports.PaymentIdOf(orderId);

    public static IEndpointRouteBuilder MapZaloPaySandbox(IEndpointRouteBuilder app)
    {
        app.MapPost($"{ApiPath}/v2/create", async (HttpRequest request, ZaloPaySandbox sandbox, CancellationToken ct) =>
            Results.Json(sandbox.Create(await GatewayJson.ReadAsync(request, ct) ?? []))).ExcludeFromDescription();
        app.MapPost($"{ApiPath}/v2/query", async (HttpRequest request, ZaloPaySandbox sandbox, CancellationToken ct) =>
            Results.Json(sandbox.Query(await GatewayJson.ReadAsync(request, ct) ?? []))).ExcludeFromDescription();
        app.MapPost($"{ApiPath}/v2/refund", async (HttpRequest request, ZaloPaySandbox sandbox, CancellationToken ct) =>
            Results.Json(sandbox.Refund(await GatewayJson.ReadAsync(request, ct) ?? []))).ExcludeFromDescription();
        app.MapPost($"{ApiPath}/v2/query_refund", async (HttpRequest request, ZaloPaySandbox sandbox, CancellationToken ct) =>
            Results.Json(sandbox.QueryRefund(await GatewayJson.ReadAsync(request, ct) ?? []))).ExcludeFromDescription();
        return app;
    }

    public Dictionary<string, object> Create(Dictionary<string, string> f)
    {
        string Field(string name) => f.GetValueOrDefault(name, "");
        if (Field("app_id") != Keys.AppId || !ZaloPayMac.Verify(Keys.Key1, f.GetValueOrDefault("mac"),
                Field("app_id"), Field("app_trans_id"), Field("app_user"), Field("amount"), Field("app_time"), Field("embed_data"), Field("item")))
            return Refused(-402, "Sai app_id hoặc mac");
        if (Invalid(f) is { } problem) return Refused(-401, problem);
        var embedData = JsonNode.Parse(Field("embed_data"))!.AsObject();
        var lifetime = f.TryGetValue("expire_duration_seconds", out var seconds) ? TimeSpan.FromSeconds(long.Parse(seconds, CultureInfo.InvariantCulture)) : TimeSpan.FromMinutes(15);
        var (order, added) = orders.Add(new SandboxWalletOrder
        {
            Wallet = Name, OrderId = Field("app_trans_id"), Amount = GatewayJson.Long(f, "amount"), Description = Field("description"), CallbackUrl = Field("callback_url"),
            RedirectUrl = embedData["redirecturl"]?.GetValue<string>() ?? "", Fields = f.Where(p => p.Key != "mac").ToDictionary(), ExpiresAt = clock.GetUtcNow() + lifetime,
        });
        if (!added) return Refused(-68, "Trùng app_trans_id");
        return new()
        {
            ["return_code"] = 1, ["return_message"] = "Giao dịch thành công", ["sub_return_code"] = 1, ["sub_return_message"] = "Giao dịch thành công",
            ["zp_trans_token"] = order.Token, ["order_url"] = links.Absolute(SandboxWalletPages.PagePath(Name, order.Token)), ["order_token"] = order.Token,
            ["qr_code"] = links.Absolute(SandboxWalletPages.PagePath(Name, order.Token)),
        };
    }

    /// <summary>
    /// A refund as ZaloPay takes it: asynchronous (3), the same m_refund_id again answered the same, capped at what was paid.
    /// </summary>
    public Dictionary<string, object> Refund(Dictionary<string, string> f)
    {
        string Field(string name) => f.GetValueOrDefault(name, "");
        if (Field("app_id") != Keys.AppId || !ZaloPayMac.Verify(Keys.Key1, f.GetValueOrDefault("mac"), Field("app_id"), Field("zp_trans_id"), Field("amount"),
                Field("description"), Field("timestamp")))
            return Refused(-402, "Sai app_id hoặc mac");
        var refundId = Field("m_refund_id");
        if (!RefundIdShape().IsMatch(refundId) || !refundId.Contains($"_{Keys.AppId}_", StringComparison.Ordinal))
            return Refused(-401, "m_refund_id phải có dạng yymmdd_appid_xxx");
        var amount = GatewayJson.Long(f, "amount");
        if (amount <= 0) return Refused(-401, "amount không hợp lệ");
        if (orders.ByTransactionNo(Name, GatewayJson.Long(f, "zp_trans_id")) is not { } paid) return Refused(-401, "Giao dịch không tồn tại hoặc chưa thanh toán");
        if (!paid.Refunds.ContainsKey(refundId))
        {
            if (paid.Refunds.Values.Sum() + amount > paid.Amount) return Refused(-401, "Số tiền hoàn vượt quá số tiền đã thanh toán");
            paid.Refunds[refundId] = amount;
            orders.Save(paid);
        }
        return new() { ["return_code"] = 3, ["return_message"] = "Đang xử lý hoàn tiền", ["sub_return_code"] = 3, ["refund_id"] = paid.TransactionNo + 1_000_000_000 };
    }

    /// <summary>By the time the merchant asks, the sandbox's refund has gone through; one it never got is "not found" (-401).</summary>
    public Dictionary<string, object> QueryRefund(Dictionary<string, string> f)
    {
        var refundId = f.GetValueOrDefault("m_refund_id", "");
        if (f.GetValueOrDefault("app_id") != Keys.AppId || !ZaloPayMac.Verify(Keys.Key1, f.GetValueOrDefault("mac"), Keys.AppId, refundId, f.GetValueOrDefault("timestamp", "")))
            return Refused(-402, "Sai app_id hoặc mac");
        return orders.WithRefund(Name, refundId) is not null
            ? new() { ["return_code"] = 1, ["return_message"] = "Hoàn tiền thành công", ["sub_return_code"] = 1 }
            : Refused(-401, "Không tìm thấy yêu cầu hoàn tiền");
    }

    public Dictionary<string, object> Query(Dictionary<string, string> f)
    {
        var appTransId = f.GetValueOrDefault("app_trans_id", "");
        if (f.GetValueOrDefault("app_id") != Keys.AppId || !ZaloPayMac.Verify(Keys.Key1, f.GetValueOrDefault("mac"), Keys.AppId, appTransId, Keys.Key1))
            return Refused(-402, "Sai app_id hoặc mac");
        if (orders.Find(Name, appTransId) is not { } order) return Refused(-401, "Giao dịch không tồn tại");
        var code = order.Paid ? 1 : order.Finished || clock.GetUtcNow() > order.ExpiresAt ? 2 : 3;
        return new()
        {
            ["return_code"] = code, ["return_message"] = code switch { 1 => "Giao dịch thành công", 2 => "Giao dịch thất bại", _ => "Giao dịch chưa thanh toán" },
            ["sub_return_code"] = code, ["is_processing"] = false, ["amount"] = order.Amount, ["zp_trans_id"] = order.TransactionNo,
        };
    }

    /// <summary>ZaloPay calls back for paid orders only; it calls again on 0, an answer that is not JSON, or none.</summary>
    public async Task<bool> CallBackAsync(SandboxWalletOrder order, CancellationToken cancellationToken)
    {
        if (!order.Paid) return true;
        var data = JsonSerializer.Serialize(new JsonObject
        {
            ["app_id"] = long.Parse(Keys.AppId, CultureInfo.InvariantCulture), ["app_trans_id"] = order.OrderId,
            ["app_time"] = GatewayJson.Long(order.Fields, "app_time"), ["app_user"] = order.Fields.GetValueOrDefault("app_user", ""), ["amount"] = order.Amount,
            ["embed_data"] = order.Fields.GetValueOrDefault("embed_data", "{}"), ["item"] = order.Fields.GetValueOrDefault("item", "[]"), ["zp_trans_id"] = order.TransactionNo,
            ["server_time"] = (order.FinishedAt ?? clock.GetUtcNow()).ToUnixTimeMilliseconds(), ["channel"] = 38, ["merchant_user_id"] = "",
            ["user_fee_amount"] = 0, ["discount_amount"] = 0,
        });
        try
        {
            using var response = await http.PostAsJsonAsync(order.CallbackUrl, new { data, mac = ZaloPayMac.Of(Keys.Key2, data), type = 1 }, cancellationToken);
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            if (answer?["return_code"]?.GetValue<int>() is { } code and not 0) return true;
            logger.LogWarning("Sandbox ZaloPay callback for {AppTransId} was not acknowledged; ZaloPay would call again", order.OrderId);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or FormatException)
        {
            logger.LogWarning("Sandbox ZaloPay callback for {AppTransId} got no usable answer ({Reason}); ZaloPay would call again", order.OrderId, e.GetType().Name);
            return false;
        }
    }

    public string ReturnUrl(SandboxWalletOrder order)
    {
        string[] values = [Keys.AppId, order.OrderId, "38", "", order.Amount.ToString(CultureInfo.InvariantCulture), "0", order.Paid ? Paid : NotPaid];
        return $"{order.RedirectUrl}?appid={values[0]}&apptransid={Uri.EscapeDataString(values[1])}&pmcid={values[2]}&bankcode={values[3]}&amount={values[4]}" +
            $"&discountamount={values[5]}&status={values[6]}&checksum={ZaloPayMac.Of(Keys.Key2, values)}";
    }

    /// <summary>What ZaloPay refuses as bad parameters (-401), or null.</summary>
    private string? Invalid(Dictionary<string, string> f)
    {
        string Field(string name) => f.GetValueOrDefault(name, "");
        if (Field("app_user").Length is 0 or > 50) return "app_user phải có 1–50 ký tự";
        if (Field("description").Length is 0 or > 256) return "description phải có 1–256 ký tự";
        if (GatewayJson.Long(f, "amount") <= 0) return "amount không hợp lệ";
        var appTime = GatewayJson.Long(f, "app_time");
        if (appTime <= 0 || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(appTime)).Duration() > AppTimeWindow) return "app_time quá 15 phút";
        var id = Field("app_trans_id");
        var day = VietnamTime.Local(DateTimeOffset.FromUnixTimeMilliseconds(appTime)).ToString("yyMMdd", CultureInfo.InvariantCulture);
        if (id.Length > 40 || !TransIdShape().IsMatch(id) || id[..6] != day) return "app_trans_id phải bắt đầu bằng ngày yymmdd (GMT+7) và dài tối đa 40 ký tự";
        if (!IsJson(Field("item"), JsonValueKind.Array, 2048)) return "item phải là một mảng JSON, tối đa 2048 ký tự";
        if (!IsJson(Field("embed_data"), JsonValueKind.Object, 1024)) return "embed_data phải là một đối tượng JSON, tối đa 1024 ký tự";
        if (f.TryGetValue("expire_duration_seconds", out var seconds) && GatewayJson.Long(f, "expire_duration_seconds") is < 300 or > 2_592_000)
            return "expire_duration_seconds phải trong 300–2592000";
        return Field("callback_url").Length == 0 ? "callback_url là bắt buộc trong môi trường thử nghiệm" : null;
    }

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

    private static Dictionary<string, object> Refused(int subCode, string message) =>
        new() { ["return_code"] = 2, ["return_message"] = "Giao dịch thất bại", ["sub_return_code"] = subCode, ["sub_return_message"] = message };

    [GeneratedRegex(@"^\d{6}_\d+_[0-9A-Za-z_\-.]+$")]
    private static partial Regex RefundIdShape();

    [GeneratedRegex(@"^\d{6}_[0-9A-Za-z_\-.]+$")]
    private static partial Regex TransIdShape();
}
