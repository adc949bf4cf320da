using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatPay.Bot.Hosting;
using ChatPay.Domain.Payments;
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

    private Task<Dictionary<string, string>?> CallAsync(string api, object body, CancellationToken cancellationToken) =>
        calls.PostAsync(http, Service, $"{Options.ApiUrl.TrimEnd('/')}/v2/{api}", body, cancellationToken);
}
