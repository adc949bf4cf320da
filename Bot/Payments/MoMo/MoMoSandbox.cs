using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments.Sandbox.Wallets;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.MoMo;

/// <summary>
/// MoMo's API v2 as the embedded sandbox plays it, under /sandbox/momo, with keys ChatPay made for itself: create (the
/// signature, 13; the format, 20; the amount's bounds, 21; a duplicate orderId, 41, while a replay gets the same answer),
/// query (1000 until the person finishes), the payment page's answers, and the signed IPN for success and failure alike.
/// </summary>
public sealed partial class MoMoSandbox(SandboxWalletOrders orders, IOptions<MoMoOptions> options, AppLinks links, HttpClient http, TimeProvider clock,
    ILogger<MoMoSandbox> logger) : ISandboxWallet
{
    public const string ApiPath = "/sandbox/momo";

    /// <summary>A MoMo order made without an expiry stays payable this long.</summary>
    private static readonly TimeSpan OrderLifetime = TimeSpan.FromMinutes(100);

    private MoMoOptions Keys => options.Value;

    public string Name => MoMoAdapter.GatewayName;

    public string Label => "Ví MoMo";

    public IReadOnlyList<(string Code, string Label)> Choices { get; } =
        [(MoMoCodes.Success, "Xác nhận thanh toán"), ("1006", "Từ chối thanh toán"), ("1001", "Giả lập: ví không đủ số dư")];

    public bool IsPaid(string code) => code == MoMoCodes.Success;

    public string PaymentIdOf(string orderId) => orderId;

    public static IEndpointRouteBuilder MapMoMoSandbox(IEndpointRouteBuilder app)
    {
        app.MapPost($"{ApiPath}/v2/gateway/api/create", async (HttpRequest request, MoMoSandbox sandbox, CancellationToken ct) =>
            Results.Json(Wire(sandbox.Create(await GatewayJson.ReadAsync(request, ct) ?? [])))).ExcludeFromDescription();
        app.MapPost($"{ApiPath}/v2/gateway/api/query", async (HttpRequest request, MoMoSandbox sandbox, CancellationToken ct) =>
            Results.Json(sandbox.QueryWithRefunds(await GatewayJson.ReadAsync(request, ct) ?? []))).ExcludeFromDescription();
        app.MapPost($"{ApiPath}/v2/gateway/api/refund", async (HttpRequest request, MoMoSandbox sandbox, CancellationToken ct) =>
            Results.Json(Wire(sandbox.Refund(await GatewayJson.ReadAsync(request, ct) ?? [])))).ExcludeFromDescription();
        return app;
    }

    public Dictionary<string, string> Create(Dictionary<string, string> f)
    {
        if (f.GetValueOrDefault("partnerCode") != Keys.PartnerCode || !MoMoSignature.Verify(f, Keys.AccessKey, Keys.SecretKey, MoMoSignature.Create))
            return Answer(f, "13", "Xác thực doanh nghiệp thất bại.");
        string Field(string name) => f.GetValueOrDefault(name, "");
        if (Field("requestId").Length is 0 or > 50 || !OrderIdShape().IsMatch(Field("orderId")) || Field("orderId").Length > 200 || Field("orderInfo").Length > 255
            || Field("redirectUrl").Length == 0 || Field("ipnUrl").Length == 0 || Field("requestType") is not ("captureWallet" or "payWithATM"))
            return Answer(f, "20", "Yêu cầu sai định dạng.");
        var (least, most) = Field("requestType") == "payWithATM" ? (10_000L, 50_000_000L) : (1_000L, 50_000_000L);
        if (GatewayJson.Long(f, "amount") is var amount && (amount < least || amount > most)) return Answer(f, "21", "Số tiền giao dịch không hợp lệ.");

        var sent = f.Where(p => p.Key != "signature").ToDictionary();
        var (order, added) = orders.Add(new SandboxWalletOrder
        {
            Wallet = Name, OrderId = Field("orderId"), Amount = amount, Description = Field("orderInfo"), CallbackUrl = Field("ipnUrl"),
            RedirectUrl = Field("redirectUrl"), Fields = sent, ExpiresAt = clock.GetUtcNow() + OrderLifetime,
        });
        // The same request again (a lost answer) gets the same order; another one for the same orderId is a duplicate.
        if (!added && !order.Fields.OrderBy(p => p.Key).SequenceEqual(sent.OrderBy(p => p.Key))) return Answer(f, "41", "OrderId bị trùng.");
        var answer = Answer(f, MoMoCodes.Success, "Thành công.");
        answer["amount"] = order.Amount.ToString(CultureInfo.InvariantCulture);
        answer["payUrl"] = links.Absolute(SandboxWalletPages.PagePath(Name, order.Token));
        answer["deeplink"] = $"momo://app?action=payWithApp&orderId={order.OrderId}";
        answer["qrCodeUrl"] = answer["payUrl"];
        return answer;
    }

    public Dictionary<string, string> Query(Dictionary<string, string> f)
    {
        if (f.GetValueOrDefault("partnerCode") != Keys.PartnerCode || !MoMoSignature.Verify(f, Keys.AccessKey, Keys.SecretKey, MoMoSignature.Query))
            return Answer(f, "13", "Xác thực doanh nghiệp thất bại.");
        if (orders.Find(Name, f.GetValueOrDefault("orderId", "")) is not { } order) return Answer(f, "42", "OrderId không tồn tại.");
        var result = Result(order);
        result["requestId"] = f.GetValueOrDefault("requestId", "");
        return result;
    }

    /// <summary>
    /// A refund as MoMo takes it: signed (13), a new orderId (41), a paid order's transId (1080), within what is left of it
    /// (1080; 1081 once all of it went back).
    /// </summary>
    public Dictionary<string, string> Refund(Dictionary<string, string> f)
    {
        if (f.GetValueOrDefault("partnerCode") != Keys.PartnerCode || !MoMoSignature.Verify(f, Keys.AccessKey, Keys.SecretKey, MoMoSignature.Refund))
            return Answer(f, "13", "Xác thực doanh nghiệp thất bại.");
        var refundId = f.GetValueOrDefault("orderId", "");
        if (!OrderIdShape().IsMatch(refundId) || orders.Find(Name, refundId) is not null) return Answer(f, "41", "OrderId bị trùng.");
        var amount = GatewayJson.Long(f, "amount");
        if (amount <= 0) return Answer(f, "21", "Số tiền giao dịch không hợp lệ.");
        if (orders.ByTransactionNo(Name, GatewayJson.Long(f, "transId")) is not { } paid) return Answer(f, "1080", "Hoàn tiền thất bại: giao dịch gốc không tồn tại.");
        if (paid.Refunds.ContainsKey(refundId)) return Answer(f, "41", "OrderId bị trùng.");
        var left = paid.Amount - paid.Refunds.Values.Sum();
        if (left <= 0) return Answer(f, "1081", "Giao dịch đã được hoàn tiền.");
        if (amount > left) return Answer(f, "1080", "Hoàn tiền thất bại: vượt quá số tiền đã thanh toán.");
        paid.Refunds[refundId] = amount;
        orders.Save(paid);
        var answer = Answer(f, MoMoCodes.Success, "Thành công.");
        answer["transId"] = RefundTransId(paid, paid.Refunds.Count).ToString(CultureInfo.InvariantCulture);
        answer["amount"] = amount.ToString(CultureInfo.InvariantCulture);
        return answer;
    }

    /// <summary>The n-th refund's transaction number at the sandbox's MoMo.</summary>
    private static long RefundTransId(SandboxWalletOrder order, int n) => order.TransactionNo + 90_000_000 + n;

    /// <summary>/query as MoMo answers it: the order's state, and its refunds in refundTrans.</summary>
    public Dictionary<string, object> QueryWithRefunds(Dictionary<string, string> f)
    {
        var answer = Wire(Query(f));
        if (answer["resultCode"] is 13L or 42L || orders.Find(Name, f.GetValueOrDefault("orderId", "")) is not { } order) return answer;
        answer["refundTrans"] = order.Refunds.Select((r, i) => new Dictionary<string, object>
        {
            ["orderId"] = r.Key, ["amount"] = r.Value, ["resultCode"] = 0, ["transId"] = RefundTransId(order, i + 1),
        }).ToArray();
        return answer;
    }

    public async Task<bool> CallBackAsync(SandboxWalletOrder order, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsync(order.CallbackUrl,
                new StringContent(JsonSerializer.Serialize(Wire(Signed(Result(order)))), System.Text.Encoding.UTF8, "application/json"), cancellationToken);
            // MoMo counts anything but a 2xx as undelivered.
            if (response.IsSuccessStatusCode) return true;
            logger.LogWarning("Sandbox MoMo IPN for {OrderId} answered {Status}; MoMo would send it again", order.OrderId, (int)response.StatusCode);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Sandbox MoMo IPN for {OrderId} got no answer ({Reason}); MoMo would send it again", order.OrderId, e.GetType().Name);
            return false;
        }
    }

    public string ReturnUrl(SandboxWalletOrder order) =>
        $"{order.RedirectUrl}?{string.Join('&', Signed(Result(order)).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"))}";

    /// <summary>The order's state in the fields MoMo's IPN, redirect and query share.</summary>
    private Dictionary<string, string> Result(SandboxWalletOrder order) => new()
    {
        ["partnerCode"] = Keys.PartnerCode, ["orderId"] = order.OrderId, ["requestId"] = order.Fields.GetValueOrDefault("requestId", ""),
        ["amount"] = order.Amount.ToString(CultureInfo.InvariantCulture), ["orderInfo"] = order.Description, ["orderType"] = "momo_wallet",
        ["transId"] = order.TransactionNo.ToString(CultureInfo.InvariantCulture), ["resultCode"] = order.Finished ? order.ResultCode : "1000",
        ["message"] = order.Finished ? MoMoCodes.Explain(order.ResultCode) : "Giao dịch đang chờ người dùng xác nhận.", ["payType"] = "qr",
        ["responseTime"] = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ["extraData"] = order.Fields.GetValueOrDefault("extraData", ""),
    };

    /// <summary>As MoMo sends them: amounts, codes, ids and times are JSON numbers (their text is what was signed).</summary>
    private static Dictionary<string, object> Wire(Dictionary<string, string> fields) => fields.ToDictionary(f => f.Key,
        f => f.Key is "amount" or "transId" or "resultCode" or "responseTime" && long.TryParse(f.Value, CultureInfo.InvariantCulture, out var number) ? number : (object)f.Value);

    private Dictionary<string, string> Signed(Dictionary<string, string> fields)
    {
        fields["signature"] = MoMoSignature.Sign(fields, Keys.AccessKey, Keys.SecretKey, MoMoSignature.Result);
        return fields;
    }

    private Dictionary<string, string> Answer(Dictionary<string, string> f, string resultCode, string message) => new()
    {
        ["partnerCode"] = f.GetValueOrDefault("partnerCode", ""), ["orderId"] = f.GetValueOrDefault("orderId", ""), ["requestId"] = f.GetValueOrDefault("requestId", ""),
        ["resultCode"] = resultCode, ["message"] = message, ["responseTime"] = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$")]
    private static partial Regex OrderIdShape();
}
