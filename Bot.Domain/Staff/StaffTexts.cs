using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Staff;

/// <summary>What the bot says to officers and support.</summary>
public static class StaffTexts
{
    public static OutgoingMessage GroupHelp() => new(
        "Trong nhóm, tôi nhận các lệnh của cán bộ: /dangky <mã đăng ký>, /huydangky, /tracuu <mã hồ sơ>.\n" +
        "Để nộp phí, lệ phí, công dân vui lòng nhắn riêng cho tôi.");

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

    public const string SomeOfficer = "một cán bộ";

    public static OutgoingMessage PaidAlert(Dossier dossier, Receipt receipt, string receiptUrl) => new(
        $"🔔 Hồ sơ {dossier.Code} đã thanh toán — sẵn sàng xử lý\n" + AlertBody(dossier, receipt),
        [ClaimButton(dossier)],
        [new LinkButton("Xem biên lai", receiptUrl)]);

    public static OutgoingMessage Reminder(Dossier dossier, Receipt receipt, string receiptUrl) => new(
        $"⏰ Nhắc việc: hồ sơ {dossier.Code} đã thanh toán — chưa có cán bộ tiếp nhận\n" + AlertBody(dossier, receipt),
        [ClaimButton(dossier)],
        [new LinkButton("Xem biên lai", receiptUrl)]);

    /// <summary>An alert after someone took the dossier: who and when, and no button to take it again.</summary>
    public static OutgoingMessage Claimed(OutgoingMessage alert, Dossier dossier) => alert with
    {
        Text = $"{alert.Text}\n✅ Đã được {dossier.ClaimedBy} tiếp nhận lúc {VietnamTime.Format(dossier.ClaimedAt!.Value)}",
        Choices = [],
    };

    public static OutgoingMessage AlreadyClaimed(Dossier dossier) => new(
        $"Hồ sơ {dossier.Code} đã được {dossier.ClaimedBy} tiếp nhận lúc {VietnamTime.Format(dossier.ClaimedAt!.Value)}.");

    public static OutgoingMessage NotYourAgency() => new("Cuộc trò chuyện này không phải của cán bộ cơ quan tiếp nhận hồ sơ này.");

    public static OutgoingMessage SupportOnly() => new("Chỉ bộ phận hỗ trợ dùng được nút này.");

    public static OutgoingMessage Rechecking(string code) => new($"Đang hỏi lại cổng thanh toán về hồ sơ {code}. Kết quả sẽ được báo vào đây.");

    public static OutgoingMessage NothingToRecheck(string code) => new(
        $"Hồ sơ {code} không có giao dịch nào đang chờ kết quả. Vui lòng đối chiếu với sao kê ngân hàng của đơn vị thu.");

    public static OutgoingMessage TooManyWrongCodes(TimeSpan wait) => new(
        $"Bạn đã nhập sai mã đăng ký quá nhiều lần. Vui lòng thử lại sau {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} phút.");

    public static OutgoingMessage LookupUsage() => new("Cú pháp: /tracuu <mã hồ sơ>.");

    private static string AlertBody(Dossier dossier, Receipt receipt) =>
        $"Thủ tục: {dossier.ProcedureName}\n" +
        $"Người nộp: {dossier.ApplicantName}\n" +
        $"Số tiền: {Vnd.Format(receipt.Total)}\n" +
        $"Biên lai số: {receipt.NumberText()} (ký hiệu {receipt.Series})\n" +
        $"Thời gian: {VietnamTime.Format(receipt.PaidAt)}";

    private static ChoiceButton ClaimButton(Dossier dossier) => new("Tiếp nhận", new StaffButton(StaffAction.Claim, dossier.Code).Format());

    public static OutgoingMessage CaseForSupport(string dossierCode, string history, string reason) => new(
        $"🆘 Cần hỗ trợ: {reason}\n{history}",
        [new ChoiceButton("Kiểm tra lại với cổng thanh toán", new StaffButton(StaffAction.Recheck, dossierCode).Format())],
        []);

    public static OutgoingMessage CaseResolved(string dossierCode) => new($"✅ Đã giải quyết: hồ sơ {dossierCode} đã được xác nhận thanh toán.");

    public static string StatusText(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => "chưa có yêu cầu thanh toán",
        DossierStatus.AwaitingPayment => "chờ thanh toán",
        DossierStatus.Paid => "đã thanh toán",
        _ => "đã thu hồi yêu cầu thanh toán",
    };
}
