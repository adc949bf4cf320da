using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>VNPay's response code and transaction status, read as the domain's outcome and told to a citizen in plain Vietnamese.</summary>
public static class VnPayCodes
{
    /// <summary>
    /// A success needs both codes 00. A final failure is status 02, a reversed debit 04, money held as suspected fraud 07
    /// (or response 07 on a failure). 01 is "not finished"; anything else (refund states, a status VNPay has not
    /// documented) is read as unknown, which keeps the attempt open and the status API asked.
    /// </summary>
    public static GatewayOutcome Outcome(string responseCode, string transactionStatus) => (responseCode, transactionStatus) switch
    {
        ("00", "00") => GatewayOutcome.Succeeded,
        // Paid, and since being refunded (05) or refunded to the bank (06): the payment itself succeeded.
        ("00", "05") or ("00", "06") => GatewayOutcome.Succeeded,
        (_, "04") => GatewayOutcome.Reversed,
        (_, "07") or ("07", "02") => GatewayOutcome.Held,
        (_, "02") => GatewayOutcome.Failed,
        (_, "01") => GatewayOutcome.Pending,
        _ => GatewayOutcome.Unknown,
    };

    /// <summary>Both codes as support reads them: "24/02".</summary>
    public static string Code(string responseCode, string transactionStatus) => $"{responseCode}/{transactionStatus}";

    public static string Explain(string? responseCode, string? transactionStatus = null) => (responseCode, transactionStatus) switch
    {
        (_, "04") => "Ngân hàng đã trừ tiền nhưng giao dịch không thành công. Khoản tiền sẽ được hoàn lại; bộ phận hỗ trợ sẽ theo dõi.",
        (_, "07") => "Ngân hàng đã trừ tiền nhưng giao dịch đang bị nghi ngờ gian lận. Bộ phận hỗ trợ sẽ kiểm tra.",
        _ => ExplainResponse(responseCode),
    };

    private static string ExplainResponse(string? responseCode) => responseCode switch
    {
        "07" => "Ngân hàng đã trừ tiền nhưng giao dịch đang bị nghi ngờ gian lận. Bộ phận hỗ trợ sẽ kiểm tra.",
        "09" => "Thẻ hoặc tài khoản chưa đăng ký dịch vụ ngân hàng trực tuyến.",
        "10" => "Thông tin thẻ hoặc tài khoản bị nhập sai quá 3 lần.",
        "11" => "Đã hết thời gian chờ thanh toán.",
        "12" => "Thẻ hoặc tài khoản đang bị khóa.",
        "13" => "Mã xác thực (OTP) không đúng.",
        "24" => "Bạn đã hủy giao dịch.",
        "51" => "Tài khoản không đủ số dư.",
        "65" => "Tài khoản đã vượt hạn mức giao dịch trong ngày.",
        "75" => "Ngân hàng đang bảo trì.",
        "79" => "Nhập sai mật khẩu thanh toán quá số lần quy định.",
        _ => "Giao dịch không thành công.",
    };

    /// <summary>A report in the domain's words from VNPay's fields (an IPN, a return, a status answer), keeping them all as details.</summary>
    public static GatewayReport Report(IReadOnlyDictionary<string, string> fields, string paymentId, long amount, string responseCode, string transactionStatus)
    {
        var outcome = Outcome(responseCode, transactionStatus);
        return new GatewayReport(
            Gateway: VnPayAdapter.GatewayName,
            PaymentId: paymentId,
            Amount: amount,
            Outcome: outcome,
            Code: Code(responseCode, transactionStatus),
            Reason: outcome == GatewayOutcome.Succeeded ? null : Explain(responseCode, transactionStatus),
            TransactionNo: NullIfEmpty(fields.GetValueOrDefault("vnp_TransactionNo")),
            PaidWith: NullIfEmpty(fields.GetValueOrDefault("vnp_BankCode")),
            PaidAt: VnPayTime.Parse(fields.GetValueOrDefault("vnp_PayDate")))
        {
            Details = fields.Where(f => f.Key != VnPaySignature.HashField && f.Key != VnPaySignature.HashTypeField && !string.IsNullOrEmpty(f.Value))
                .ToDictionary(f => f.Key, f => f.Value),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
