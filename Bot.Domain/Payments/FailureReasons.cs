namespace ChatPay.Domain.Payments;

/// <summary>VNPay's response codes, told to a citizen in plain Vietnamese.</summary>
public static class FailureReasons
{
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
}
