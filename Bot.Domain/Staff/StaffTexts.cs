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
        "Trong nhóm, tôi nhận các lệnh của cán bộ:\n" + CommandTable.Lines(CommandUse.Staff) + "\n" +
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

    /// <summary>How many enrolments the reply to /dangky lists; /dsdangky lists them all.</summary>
    public const int RosterInReply = 10;

    /// <summary>Who is enrolled: one line each, with the handle /huydangky takes; past <paramref name="most"/>, how many more.</summary>
    public static OutgoingMessage Roster(IEnumerable<Enrollment> enrollments, StaffRules? rules, int most = int.MaxValue)
    {
        var all = enrollments.ToList();
        var lines = all.Take(most).Select(e => $"• [{e.Handle}] {Who(e)} — {RoleText(e, rules)}, từ {VietnamTime.Format(e.EnrolledAt)}");
        var more = all.Count > most ? $"\n… và {all.Count - most} cuộc trò chuyện khác (gõ /dsdangky để xem đủ)." : "";
        return new("Các cuộc trò chuyện đang đăng ký:\n" + string.Join('\n', lines) + more + "\nĐể chấm dứt một đăng ký: /huydangky <mã trong ngoặc>.");
    }

    public static OutgoingMessage ColleagueEnrolled(Enrollment enrollment, Agency? agency) => new(
        $"ℹ️ {Who(enrollment)} vừa đăng ký {(agency is null ? "làm bộ phận hỗ trợ" : $"nhận thông báo của {agency.Name}")} [{enrollment.Handle}].\n" +
        $"Nếu đây không phải đồng nghiệp của bạn, gõ /huydangky {enrollment.Handle} để chấm dứt.");

    public static OutgoingMessage EnrollmentEnded(Enrollment enrollment) => new($"Đã chấm dứt đăng ký [{enrollment.Handle}] của {Who(enrollment)}.");

    public static OutgoingMessage EnrollmentEndedByColleague() => new(
        "Đăng ký nhận thông báo của cuộc trò chuyện này đã được cán bộ khác chấm dứt. Nếu cần, vui lòng đăng ký lại với mã đăng ký hiện hành.");

    public static OutgoingMessage NoSuchEnrollment(string handle) => new($"Không có đăng ký [{handle}] mà bạn được phép chấm dứt. Gõ /dsdangky để xem danh sách.");

    public static OutgoingMessage CodeChanged(Enrollment enrollment, StaffRules rules) => new(
        $"Mã đăng ký {(enrollment.Role == StaffRole.Support ? "của bộ phận hỗ trợ" : $"của {rules.Agency(enrollment.AgencyCode)?.Name ?? enrollment.AgencyCode}")} đã được thay đổi, " +
        "nên cuộc trò chuyện này không còn nhận thông báo. Vui lòng đăng ký lại bằng /dangky <mã mới>.");

    private static string Who(Enrollment enrollment)
    {
        var chat = ChatAddress.FromKey(enrollment.ChatKey);
        var tail = chat.Id.Length <= 4 ? chat.Id : "…" + chat.Id[^4..];
        return enrollment.EnrolledBy is { Length: > 0 } name ? $"{name} ({chat.Channel} {tail})" : $"{chat.Channel} {tail}";
    }

    private static string RoleText(Enrollment enrollment, StaffRules? rules) =>
        enrollment.Role == StaffRole.Support ? "hỗ trợ" : $"cán bộ {rules?.Agency(enrollment.AgencyCode)?.Name ?? enrollment.AgencyCode}";

    public const string SomeOfficer = "một cán bộ";

    public static OutgoingMessage PaidAlert(Dossier dossier, Receipt receipt, string receiptUrl) => new(
        $"🔔 Hồ sơ {dossier.Code} đã thanh toán — sẵn sàng xử lý\n" + AlertBody(dossier, receipt),
        [ClaimButton(dossier)],
        [new LinkButton("Xem biên lai", receiptUrl)]);

    public static OutgoingMessage Reminder(Dossier dossier, Receipt receipt, string receiptUrl) => new(
        $"⏰ Nhắc việc: hồ sơ {dossier.Code} đã thanh toán — chưa có cán bộ tiếp nhận\n" + AlertBody(dossier, receipt),
        [ClaimButton(dossier)],
        [new LinkButton("Xem biên lai", receiptUrl)]);

    /// <summary>
    /// An alert after someone took the dossier: who and when, and no button to take it again. The officer who pressed reads
    /// "Bạn" in their own chat; a group's copy names the person, since "Bạn" would tell every member of the group they took it.
    /// </summary>
    public static OutgoingMessage Claimed(OutgoingMessage alert, Dossier dossier, bool byThisReader = false) => alert with
    {
        Text = byThisReader
            ? $"{alert.Text}\n✅ Bạn đã tiếp nhận lúc {VietnamTime.Format(dossier.ClaimedAt!.Value)}"
            : $"{alert.Text}\n✅ Đã được {dossier.ClaimedBy} tiếp nhận lúc {VietnamTime.Format(dossier.ClaimedAt!.Value)}",
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

    /// <param name="owed">Money taken that does not pay the request (a second payment, a withdrawn request): one "Hoàn tiền" each.</param>
    public static OutgoingMessage CaseForSupport(string dossierCode, string history, string reason, IEnumerable<ChoiceButton>? owed = null) => new(
        $"🆘 Cần hỗ trợ: {reason}\n{history}",
        [new ChoiceButton("Kiểm tra lại với cổng thanh toán", new StaffButton(StaffAction.Recheck, dossierCode).Format()), .. owed ?? []],
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
