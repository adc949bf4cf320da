using System.Globalization;
using System.Net;
using ChatPay.Bot.Hosting;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.MoMo;

/// <summary>
/// MoMo's one-time payment (API v2) behind the gateway port: the attempt's id is MoMo's orderId, and its requestId is
/// derived from it, so asking again after a lost answer replays the same order (MoMo answers a replay with the same
/// payUrl). The status API answers unsigned over TLS; its answer must name this partner, order and amount.
/// </summary>
public sealed class MoMoAdapter(
    HttpClient http, IOptions<MoMoOptions> options, AppLinks links, GatewayCalls calls, ILogger<MoMoAdapter> logger) : IPaymentGateway
{
    public const string GatewayName = "MoMo";

    /// <summary>The name its API's reachability is reported and checked under (/health).</summary>
    public const string Service = "gateway.momo";

    private MoMoOptions Options => options.Value;

    public string Name => GatewayName;

    public async Task<GatewayStart> StartAsync(Payment payment, IPAddress? payer, CancellationToken cancellationToken)
    {
        var (least, most) = Options.RequestType == "payWithATM" ? (10_000L, 50_000_000L) : (1_000L, 50_000_000L);
        if (payment.Amount < least || payment.Amount > most) return new GatewayStart.Failed($"amount {payment.Amount} outside MoMo's {least}–{most}");
        var request = new Dictionary<string, string>
        {
            ["partnerCode"] = Options.PartnerCode,
            ["requestId"] = $"{payment.Id}-{payment.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            ["amount"] = payment.Amount.ToString(CultureInfo.InvariantCulture),
            ["orderId"] = payment.Id,
            ["orderInfo"] = $"Thanh toan phi, le phi ho so {payment.DossierCode}",
            ["redirectUrl"] = links.Absolute(MoMoEndpoints.ReturnPath),
            ["ipnUrl"] = links.Absolute(MoMoEndpoints.IpnPath),
            ["requestType"] = Options.RequestType,
            ["extraData"] = "",
        };
        request["signature"] = MoMoSignature.Sign(request, Options.AccessKey, Options.SecretKey, MoMoSignature.Create);
        var body = new Dictionary<string, object>(request.Select(f => KeyValuePair.Create(f.Key, (object)f.Value))) { ["amount"] = payment.Amount, ["lang"] = "vi" };
        var answer = await CallAsync("create", body, cancellationToken);
        if (answer is null) return new GatewayStart.Failed("no answer");
        if (answer.GetValueOrDefault("resultCode") != MoMoCodes.Success || answer.GetValueOrDefault("payUrl") is not { Length: > 0 } payUrl)
            return new GatewayStart.Failed($"resultCode {answer.GetValueOrDefault("resultCode")}: {answer.GetValueOrDefault("message")}");
        return new GatewayStart.Started(new GatewayCheckout(payment.Id, payUrl, answer.GetValueOrDefault("deeplink"), answer.GetValueOrDefault("qrCodeUrl")));
    }

    public async Task<GatewayStatus> QueryAsync(Payment payment, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, string>
        {
            ["partnerCode"] = Options.PartnerCode,
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["orderId"] = payment.Id,
        };
        request["signature"] = MoMoSignature.Sign(request, Options.AccessKey, Options.SecretKey, MoMoSignature.Query);
        var answer = await CallAsync("query", new Dictionary<string, object>(request.Select(f => KeyValuePair.Create(f.Key, (object)f.Value))) { ["lang"] = "vi" },
            cancellationToken);
        if (answer is null) return new GatewayStatus.Unavailable("no answer");
        var code = answer.GetValueOrDefault("resultCode", "");
        if (code == "42") return new GatewayStatus.NotFound();
        if (answer.GetValueOrDefault("partnerCode") != Options.PartnerCode || answer.GetValueOrDefault("orderId") != payment.Id)
        {
            logger.LogWarning("MoMo's status answer for {PaymentId} names another order; it is ignored", payment.Id);
            return new GatewayStatus.Unavailable("answer does not match");
        }
        // Request errors (10–99) say nothing about the order.
        if (code.Length < 4 && code != MoMoCodes.Success) return new GatewayStatus.Unavailable($"resultCode {code}");
        return new GatewayStatus.Reported(MoMoCodes.Report(answer));
    }

    /// <summary>
    /// MoMo's /refund: an order of its own (its orderId is the refund's id, new at MoMo), for the paid order's transId,
    /// answered at once. resultCode 0 is done; anything else is refused (1080 failed, 1081 already refunded, 4x/2x the request).
    /// </summary>
    public async Task<RefundResult> RefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, string>
        {
            ["partnerCode"] = Options.PartnerCode,
            ["orderId"] = refund.Id,
            ["requestId"] = refund.Id,
            ["amount"] = refund.Amount.ToString(CultureInfo.InvariantCulture),
            ["transId"] = payment.TransactionNo ?? "",
            ["description"] = $"Hoan tien {refund.Id}",
        };
        request["signature"] = MoMoSignature.Sign(request, Options.AccessKey, Options.SecretKey, MoMoSignature.Refund);
        var body = new Dictionary<string, object>(request.Select(f => KeyValuePair.Create(f.Key, (object)f.Value)))
        {
            ["amount"] = refund.Amount, ["transId"] = long.TryParse(payment.TransactionNo, CultureInfo.InvariantCulture, out var transId) ? transId : 0L, ["lang"] = "vi",
        };
        var answer = await CallAsync("refund", body, cancellationToken);
        if (answer is null) return new RefundResult.Unknown("MoMo không trả lời");
        if (answer.GetValueOrDefault("orderId") != refund.Id) return new RefundResult.Unknown("câu trả lời nói về một lệnh khác");
        var code = answer.GetValueOrDefault("resultCode", "");
        return code == MoMoCodes.Success
            ? new RefundResult.Done(answer.GetValueOrDefault("transId"), code)
            : new RefundResult.Refused(code, answer.GetValueOrDefault("message") ?? $"resultCode {code}");
    }

    /// <summary>
    /// A refund whose answer was lost, looked for in the paid order's refundTrans (MoMo's /query lists its refunds): there
    /// with resultCode 0, it is done; the order found without it, the refund never arrived and may be sent.
    /// </summary>
    public async Task<RefundResult> QueryRefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, string> { ["partnerCode"] = Options.PartnerCode, ["requestId"] = Guid.NewGuid().ToString("N"), ["orderId"] = payment.Id };
        request["signature"] = MoMoSignature.Sign(request, Options.AccessKey, Options.SecretKey, MoMoSignature.Query);
        var answer = await CallAsync("query", new Dictionary<string, object>(request.Select(f => KeyValuePair.Create(f.Key, (object)f.Value))) { ["lang"] = "vi" },
            cancellationToken);
        if (answer is null || answer.GetValueOrDefault("orderId") != payment.Id || answer.GetValueOrDefault("resultCode") != MoMoCodes.Success)
            return new RefundResult.Unknown("MoMo chưa cho biết trạng thái hoàn tiền");
        for (var i = 0; answer.ContainsKey($"refundTrans[{i}].orderId"); i++)
            if (answer[$"refundTrans[{i}].orderId"] == refund.Id)
                return answer.GetValueOrDefault($"refundTrans[{i}].resultCode") == MoMoCodes.Success
                    ? new RefundResult.Done(answer.GetValueOrDefault($"refundTrans[{i}].transId"), MoMoCodes.Success)
                    : new RefundResult.Refused(answer.GetValueOrDefault($"refundTrans[{i}].resultCode") ?? "", "MoMo báo hoàn tiền không thành công");
        return new RefundResult.NotFound();
    }

    private Task<Dictionary<string, string>?> CallAsync(string api, object body, CancellationToken cancellationToken) =>
        calls.PostAsync(http, Service, $"{Options.ApiUrl.TrimEnd('/')}/v2/gateway/api/{api}", body, cancellationToken);
}
