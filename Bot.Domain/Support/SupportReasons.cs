using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Support;

/// <summary>Why a case reached support, in the words support reads: one sentence per finding, naming the attempt.</summary>
public static class SupportReasons
{
    public const string ReportedByCitizen = "Công dân báo đã thanh toán nhưng hồ sơ chưa ghi nhận; cổng thanh toán không xác nhận được.";

    public static string MoneyHeld(Payment payment, GatewayReport report) =>
        $"Giao dịch {payment.Id}: ngân hàng đã trừ tiền nhưng cổng thanh toán báo mã {report.Code}: {report.Reason}";

    public static string Refund(Dossier dossier, Payment payment) =>
        $"Cần hoàn tiền: hồ sơ {dossier.Code} ({StaffTexts.StatusText(dossier.Status)}) nhận thêm {Vnd.Format(payment.Amount)} " +
        $"qua {payment.BankName}, mã giao dịch {payment.TransactionNo}, tham chiếu {payment.Id}.";

    public static string VerdictChanged(Payment payment) =>
        $"Giao dịch {payment.Id}: cổng thanh toán đã báo không thành công ({payment.FailedBefore}), sau đó báo đã trừ {Vnd.Format(payment.Amount)}.";

    public static string AmountMismatch(Payment payment, long reported) =>
        $"Cổng thanh toán báo số tiền {reported} cho giao dịch {payment.Id}, khác số tiền yêu cầu.";

    public static string GatewaySilent(Payment payment) => $"Cổng thanh toán không trả lời về giao dịch {payment.Id} sau nhiều lần hỏi.";
}
