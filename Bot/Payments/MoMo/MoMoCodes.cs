using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments.MoMo;

/// <summary>MoMo's resultCode, read as the domain's outcome and told to a citizen in plain Vietnamese.</summary>
public static class MoMoCodes
{
    public const string Success = "0";

    /// <summary>0 is money taken (and, to a create request, "order made"); 1000 is "waiting for the person"; 7000, 7002, 8000 and 9000 are still moving; the 1xxx refusals are final.</summary>
    public static GatewayOutcome Outcome(string resultCode) => resultCode switch
    {
        Success => GatewayOutcome.Succeeded,
        "1000" => GatewayOutcome.Pending,
        "1001" or "1002" or "1003" or "1004" or "1005" or "1006" or "1007" or "1017" => GatewayOutcome.Failed,
        _ => GatewayOutcome.Unknown,
    };

    public static string Explain(string resultCode) => resultCode switch
    {
        "1000" => "Giao dịch đang chờ bạn xác nhận trên ứng dụng MoMo.",
        "1001" => "Tài khoản ví MoMo không đủ số dư.",
        "1002" => "Giao dịch bị ngân hàng hoặc nhà phát hành từ chối.",
        "1003" => "Giao dịch đã bị hủy.",
        "1004" => "Số tiền vượt hạn mức thanh toán của ví.",
        "1005" => "Liên kết hoặc mã QR thanh toán đã hết hạn.",
        "1006" => "Bạn đã từ chối xác nhận thanh toán trên ứng dụng MoMo.",
        "1007" => "Tài khoản ví MoMo đang tạm khóa hoặc chưa kích hoạt.",
        "1017" => "Giao dịch đã bị đơn vị thu hủy.",
        "7000" or "7002" or "8000" or "9000" => "Giao dịch đang được MoMo xử lý.",
        _ => "Giao dịch qua ví MoMo không thành công.",
    };

    /// <summary>A report in the domain's words from an IPN, a return or a status answer, keeping MoMo's fields as details.</summary>
    public static GatewayReport Report(IReadOnlyDictionary<string, string> fields)
    {
        var code = fields.GetValueOrDefault("resultCode", "");
        var outcome = Outcome(code);
        var responseTime = GatewayJson.Long(fields, "responseTime");
        return new GatewayReport(
            Gateway: MoMoAdapter.GatewayName,
            PaymentId: fields.GetValueOrDefault("orderId", ""),
            Amount: GatewayJson.Long(fields, "amount"),
            Outcome: outcome,
            Code: code,
            Reason: outcome == GatewayOutcome.Succeeded ? null : Explain(code),
            TransactionNo: fields.GetValueOrDefault("transId") is { Length: > 0 } transId && transId != "0" ? transId : null,
            PaidWith: fields.GetValueOrDefault("payType") is { Length: > 0 } payType ? $"MoMo ({payType})" : "MoMo",
            PaidAt: outcome == GatewayOutcome.Succeeded && responseTime > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(responseTime) : null)
        {
            Details = fields.Where(f => f.Key != "signature").ToDictionary(f => f.Key, f => f.Value),
        };
    }
}
