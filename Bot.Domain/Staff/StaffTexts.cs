using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Staff;

/// <summary>What the bot says to officers and support.</summary>
public static class StaffTexts
{
    public static OutgoingMessage EnrollUsage() => new("Cú pháp: /dangky <mã đăng ký>. Mã đăng ký do quản trị hệ thống cấp cho từng cơ quan.");

    public static OutgoingMessage WrongEnrollmentCode() => new("Mã đăng ký không đúng. Vui lòng kiểm tra lại với quản trị hệ thống.");

    public static OutgoingMessage EnrolledAsOfficer(Agency agency) => new(
        $"Đã đăng ký nhận thông báo của {agency.Name}.\n" +
        "Khi một hồ sơ của cơ quan được thanh toán, tôi sẽ báo \"đã thanh toán — sẵn sàng xử lý\" vào đây.\n" +
        "Gõ /huydangky để ngừng nhận.");

    public static OutgoingMessage EnrolledAsSupport() => new(
        "Đã đăng ký làm bộ phận hỗ trợ. Các trường hợp cần kiểm tra thanh toán sẽ được gửi vào đây.\nGõ /huydangky để ngừng nhận.");

    public static OutgoingMessage Unenrolled() => new("Đã hủy đăng ký. Cuộc trò chuyện này sẽ không nhận thông báo nữa.");

    public static OutgoingMessage NotEnrolled() => new("Cuộc trò chuyện này chưa đăng ký nhận thông báo.");

    public static OutgoingMessage PaidAlert(Dossier dossier, Receipt receipt, string receiptUrl) => new(
        $"🔔 Hồ sơ {dossier.Code} đã thanh toán — sẵn sàng xử lý\n" +
        $"Thủ tục: {dossier.ProcedureName}\n" +
        $"Người nộp: {dossier.ApplicantName}\n" +
        $"Số tiền: {Vnd.Format(receipt.Total)}\n" +
        $"Biên lai số: {receipt.NumberText()} (ký hiệu {receipt.Series})\n" +
        $"Thời gian: {VietnamTime.Format(receipt.PaidAt)}",
        [],
        [new LinkButton("Xem biên lai", receiptUrl)]);

    public static OutgoingMessage RefundNeeded(Payment payment, Dossier dossier) => new(
        $"⚠️ Cần hoàn tiền: hồ sơ {dossier.Code} ({dossier.AgencyName}) nhận thêm {Vnd.Format(payment.Amount)} " +
        $"qua {payment.BankName}, mã giao dịch {payment.TransactionNo}, tham chiếu {payment.Id}.\n" +
        $"Hồ sơ đang ở trạng thái: {StatusText(dossier.Status)}.");

    public static OutgoingMessage CaseForSupport(string history, string reason) => new($"🆘 Cần hỗ trợ: {reason}\n{history}");

    public static string StatusText(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "chưa có yêu cầu thanh toán",
        DossierStatus.AwaitingPayment => "chờ thanh toán",
        DossierStatus.Paid => "đã thanh toán",
        _ => "đã thu hồi yêu cầu thanh toán",
    };
}
