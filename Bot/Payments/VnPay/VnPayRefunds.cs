using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>
/// VNPay's refund (vnp_Command=refund, on the merchant API's URL): full (vnp_TransactionType 02) or partial (03), the
/// request and the answer each signed with HMAC-SHA512 over their values joined by '|' in VNPay's order. A lost answer is
/// not sent again: the transaction's status (querydr) says whether a refund reached VNPay (status 05 or 06).
/// </summary>
public sealed class VnPayRefunds(HttpClient http, VnPayMerchant merchant, VnPayStatusClient status, TimeProvider clock, ILogger<VnPayRefunds> logger)
{
    public const string Command = "refund";

    public static readonly string[] RequestSigned =
    [
        "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo",
        "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
    ];

    public static readonly string[] ResponseSigned =
    [
        "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
        "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
    ];

    /// <summary>A refund's transaction status in querydr: VNPay is refunding (05), or has sent it to the bank (06).</summary>
    public static readonly string[] RefundStatuses = ["05", "06"];

    public async Task<RefundResult> RefundAsync(Payment payment, Refund refund, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, string>
        {
            ["vnp_RequestId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Version"] = VnPayMessages.Version,
            ["vnp_Command"] = Command,
            ["vnp_TmnCode"] = merchant.TmnCode,
            ["vnp_TransactionType"] = refund.Full ? "02" : "03",
            ["vnp_TxnRef"] = payment.Id,
            ["vnp_Amount"] = (refund.Amount * 100).ToString(CultureInfo.InvariantCulture),
            ["vnp_TransactionNo"] = payment.TransactionNo ?? "0",
            ["vnp_TransactionDate"] = VnPayTime.ToText(payment.CreatedAt),
            ["vnp_CreateBy"] = refund.ApproverName ?? "ChatPay",
            ["vnp_CreateDate"] = VnPayTime.ToText(clock.GetUtcNow()),
            ["vnp_IpAddr"] = "127.0.0.1",
            ["vnp_OrderInfo"] = $"Hoan tien {refund.Id}",
        };
        request[VnPaySignature.HashField] = VnPayQuery.Sign(request, RequestSigned, merchant.HashSecret);

        Dictionary<string, string>? answer;
        try
        {
            using var response = await http.PostAsJsonAsync(merchant.ApiUrl, request, cancellationToken);
            answer = VnPayQuery.ReadFields(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException && !cancellationToken.IsCancellationRequested)
        {
            // It may have arrived: its status is asked, it is not sent again.
            logger.LogWarning("The refund {RefundId} got no answer ({Error}); its status will be asked", refund.Id, e.GetType().Name);
            return new RefundResult.Unknown($"không có trả lời ({e.GetType().Name})");
        }
        if (answer is null || !VnPayQuery.Verify(answer, ResponseSigned, merchant.HashSecret) || answer.GetValueOrDefault("vnp_TxnRef") != payment.Id)
            return new RefundResult.Unknown("câu trả lời không có chữ ký đúng của cổng thanh toán");
        var code = answer.GetValueOrDefault("vnp_ResponseCode", "");
        return code switch
        {
            "00" => new RefundResult.Done(answer.GetValueOrDefault("vnp_TransactionNo"), "00"),
            // Already being refunded (the same refund arrived before): the status says when it is done.
            "94" => new RefundResult.Unknown("cổng thanh toán đang xử lý một yêu cầu hoàn tiền của giao dịch này"),
            "99" => new RefundResult.Unknown("cổng thanh toán báo lỗi tạm thời"),
            _ => new RefundResult.Refused(code, Explain(code, answer.GetValueOrDefault("vnp_Message"))),
        };
    }

    /// <summary>
    /// The transaction's status: being refunded or refunded (05, 06) means the refund arrived; still paid (00) means it never
    /// did. With several refunds of one attempt the status cannot tell them apart, so a lost answer stays with support.
    /// </summary>
    public async Task<RefundResult> QueryAsync(Payment payment, Refund refund, bool onlyRefund, CancellationToken cancellationToken)
    {
        if (!onlyRefund) return new RefundResult.Unknown("giao dịch có nhiều lần hoàn tiền; bộ phận hỗ trợ đối chiếu trên trang quản trị VNPay");
        var answer = await status.QueryAsync(payment, cancellationToken);
        return answer switch
        {
            GatewayStatus.Reported { Report.Code: var code } when RefundStatuses.Any(s => code.EndsWith("/" + s, StringComparison.Ordinal)) => new RefundResult.Done(null, code),
            GatewayStatus.Reported { Report.Outcome: GatewayOutcome.Succeeded } => new RefundResult.NotFound(),
            _ => new RefundResult.Unknown("chưa tra cứu được trạng thái hoàn tiền"),
        };
    }

    private static string Explain(string code, string? message) => code switch
    {
        "91" => "không tìm thấy giao dịch cần hoàn",
        "95" => "giao dịch gốc không thành công nên không hoàn được",
        "02" => "mã website (vnp_TmnCode) không đúng",
        "97" => "chữ ký yêu cầu không đúng (kiểm tra Payments:VnPay:HashSecret)",
        _ => $"mã {code}{(string.IsNullOrEmpty(message) ? "" : $": {message}")}",
    };
}
