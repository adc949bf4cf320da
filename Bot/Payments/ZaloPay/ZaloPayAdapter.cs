using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatPay.Bot.Hosting;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.ZaloPay;

/// <summary>
/// ZaloPay's payment gateway (API v2) behind the port: an order per attempt (app_trans_id = the date in GMT+7 and the
/// attempt's id), made on the first click and kept (ZaloPay refuses the same app_trans_id twice, -68). Its status API
/// answers unsigned over TLS.
/// </summary>
public sealed class ZaloPayAdapter(
    HttpClient http, IOptions<ZaloPayOptions> options, AppLinks links, GatewayCalls calls, TimeProvider clock) : IPaymentGateway
{
    public const string GatewayName = "ZaloPay";

    /// <summary>The name its API's reachability is reported and checked under (/health).</summary>
    public const string Service = "gateway.zalopay";

    /// <summary>ZaloPay's bounds on an order's lifetime, in seconds.</summary>
    private const long ShortestExpiry = 300, LongestExpiry = 2_592_000;

    /// <summary>Sub-codes of a refused request (bad app or MAC, rate limit, system, maintenance): no word about the order.</summary>
    private static readonly string[] RequestRefusals = ["-402", "-429", "-500", "-999"];

    private ZaloPayOptions Options => options.Value;

    public string Name => GatewayName;

    public async Task<GatewayStart> StartAsync(Payment payment, IPAddress? payer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (ZaloPayReports.AppTransId(payment, now) is not { } appTransId) return new GatewayStart.Failed($"attempt id {payment.Id} too long for an app_trans_id");
        var appTime = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var amount = payment.Amount.ToString(CultureInfo.InvariantCulture);
        var embedData = JsonSerializer.Serialize(new Dictionary<string, string> { ["redirecturl"] = links.Absolute(ZaloPayEndpoints.ReturnPath) });
        const string appUser = "ChatPay", item = "[]";
        var expiry = Math.Clamp((long)(payment.ExpiresAt - now).TotalSeconds, ShortestExpiry, LongestExpiry);
        var request = new Dictionary<string, object>
        {
            ["app_id"] = long.Parse(Options.AppId, CultureInfo.InvariantCulture),
            ["app_trans_id"] = appTransId,
            ["app_user"] = appUser,
            ["app_time"] = now.ToUnixTimeMilliseconds(),
            ["amount"] = payment.Amount,
            ["expire_duration_seconds"] = expiry,
            ["item"] = item,
            ["embed_data"] = embedData,
            ["description"] = $"ChatPay - Thanh toán phí, lệ phí hồ sơ {payment.DossierCode}",
            ["bank_code"] = payment.GatewayBankCode ?? "",
            ["callback_url"] = links.Absolute(ZaloPayEndpoints.CallbackPath),
            ["mac"] = ZaloPayMac.Of(Options.Key1, Options.AppId, appTransId, appUser, amount, appTime, embedData, item),
        };
        var answer = await CallAsync("create", request, cancellationToken);
        if (answer is null) return new GatewayStart.Failed("no answer");
        if (answer.GetValueOrDefault("return_code") != "1" || answer.GetValueOrDefault("order_url") is not { Length: > 0 } orderUrl)
            return new GatewayStart.Failed($"return_code {answer.GetValueOrDefault("return_code")}/{answer.GetValueOrDefault("sub_return_code")}: {answer.GetValueOrDefault("sub_return_message")}");
        return new GatewayStart.Started(new GatewayCheckout(appTransId, orderUrl, null, answer.GetValueOrDefault("qr_code")));
    }

    public async Task<GatewayStatus> QueryAsync(Payment payment, CancellationToken cancellationToken)
    {
        // Never started there (no click): ZaloPay has no such order.
        if (payment.Checkout is not { } checkout) return new GatewayStatus.NotFound();
        var request = new Dictionary<string, object>
        {
            ["app_id"] = long.Parse(Options.AppId, CultureInfo.InvariantCulture),
            ["app_trans_id"] = checkout.Reference,
            ["mac"] = ZaloPayMac.Of(Options.Key1, Options.AppId, checkout.Reference, Options.Key1),
        };
        var answer = await CallAsync("query", request, cancellationToken);
        if (answer is null) return new GatewayStatus.Unavailable("no answer");
        var subCode = answer.GetValueOrDefault("sub_return_code", "");
        if (RequestRefusals.Contains(subCode)) return new GatewayStatus.Unavailable($"sub_return_code {subCode}");
        if (subCode == "-401") return new GatewayStatus.NotFound();
        return new GatewayStatus.Reported(ZaloPayReports.Queried(answer, payment));
    }

    /// <summary>
    /// ZaloPay's /v2/refund, asynchronous: m_refund_id (yymmdd_appid_&lt;refund id&gt;, the same for every call about this
    /// refund) for the order's zp_trans_id, MAC with key1 over app_id|zp_trans_id|amount|description|timestamp. 1 done,
    /// 3 processing (its status is asked), 2 refused — but a refusal of the request itself (MAC, rate, system) or a
    /// duplicate (-68) says nothing of the refund: its status is asked.
    /// </summary>
    public async Task<RefundResult> RefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var amount = refund.Amount.ToString(CultureInfo.InvariantCulture);
        var description = $"ChatPay - Hoan tien {refund.Id}";
        var zpTransId = payment.TransactionNo ?? "";
        var request = new Dictionary<string, object>
        {
            ["app_id"] = long.Parse(Options.AppId, CultureInfo.InvariantCulture),
            ["m_refund_id"] = RefundId(refund),
            ["zp_trans_id"] = long.TryParse(zpTransId, CultureInfo.InvariantCulture, out var id) ? id : 0L,
            ["amount"] = refund.Amount,
            ["timestamp"] = long.Parse(timestamp, CultureInfo.InvariantCulture),
            ["description"] = description,
            ["mac"] = ZaloPayMac.Of(Options.Key1, Options.AppId, zpTransId, amount, description, timestamp),
        };
        return Refunded(await CallAsync("refund", request, cancellationToken));
    }

    public async Task<RefundResult> QueryRefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new Dictionary<string, object>
        {
            ["app_id"] = long.Parse(Options.AppId, CultureInfo.InvariantCulture),
            ["m_refund_id"] = RefundId(refund),
            ["timestamp"] = long.Parse(timestamp, CultureInfo.InvariantCulture),
            ["mac"] = ZaloPayMac.Of(Options.Key1, Options.AppId, RefundId(refund), timestamp),
        };
        var answer = await CallAsync("query_refund", request, cancellationToken);
        // No such refund at ZaloPay: the request never arrived, and may be sent.
        return answer is { } known && known.GetValueOrDefault("return_code") == "2" && known.GetValueOrDefault("sub_return_code") == "-401"
            ? new RefundResult.NotFound()
            : Refunded(answer);
    }

    private static RefundResult Refunded(Dictionary<string, string>? answer)
    {
        if (answer is null) return new RefundResult.Unknown("ZaloPay không trả lời");
        var code = answer.GetValueOrDefault("return_code", "");
        var subCode = answer.GetValueOrDefault("sub_return_code", "");
        return code switch
        {
            "1" => new RefundResult.Done(answer.GetValueOrDefault("refund_id"), "1"),
            "3" => new RefundResult.Processing("ZaloPay đang xử lý hoàn tiền"),
            _ when RequestRefusals.Contains(subCode) || subCode == "-68" => new RefundResult.Unknown($"sub_return_code {subCode}"),
            _ => new RefundResult.Refused($"{code}/{subCode}", answer.GetValueOrDefault("sub_return_message") ?? answer.GetValueOrDefault("return_message") ?? ""),
        };
    }

    /// <summary>"yymmdd_appid_&lt;refund id&gt;": the date the refund was asked for (GMT+7), the same at every call about it.</summary>
    private string RefundId(Refund refund) =>
        $"{Domain.Vietnamese.VietnamTime.Local(refund.RequestedAt):yyMMdd}_{Options.AppId}_{refund.Id}";

    private Task<Dictionary<string, string>?> CallAsync(string api, object body, CancellationToken cancellationToken) =>
        calls.PostAsync(http, Service, $"{Options.ApiUrl.TrimEnd('/')}/v2/{api}", body, cancellationToken);
}
