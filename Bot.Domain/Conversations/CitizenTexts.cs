using System.Text;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Conversations;

/// <summary>Everything the bot says to a citizen: short Vietnamese sentences, amounts as "50.000 ₫".</summary>
public static class CitizenTexts
{
    private const string CodeExample = "H42.10-261125-0001";

    public static OutgoingMessage Welcome() => new(
        "Xin chào! Tôi giúp bạn nộp phí, lệ phí hồ sơ thủ tục hành chính.\n" +
        $"Hãy nhập mã hồ sơ (ví dụ: {CodeExample}). Mã có trên giấy tiếp nhận hồ sơ.");

    public static OutgoingMessage AskForCode() => new($"Hãy nhập mã hồ sơ cần thanh toán (ví dụ: {CodeExample}).");

    public static OutgoingMessage Help() => new(
        "Cách nộp phí, lệ phí:\n" +
        "1. Nhập mã hồ sơ.\n" +
        "2. Kiểm tra các khoản phí, lệ phí rồi bấm \"Xác nhận\".\n" +
        "3. Chọn ngân hàng hoặc ví điện tử, bấm liên kết để thanh toán.\n" +
        "4. Biên lai sẽ được gửi vào cuộc trò chuyện này.\n" +
        "Các lệnh:\n" + CommandTable.Lines(CommandUse.Citizens));

    public static OutgoingMessage Malformed() => new(
        $"Mã hồ sơ chưa đúng định dạng. Mã hồ sơ có dạng {CodeExample}.\nVui lòng kiểm tra và nhập lại.");

    public static OutgoingMessage NotFound(string code) => new(
        $"Không tìm thấy hồ sơ {code}.\nVui lòng kiểm tra lại mã trên giấy tiếp nhận hồ sơ.") { Warning = true };

    /// <summary>The answer to a refused look-up: this chat's own tries, or the limit on its network (or on everyone).</summary>
    public static OutgoingMessage LookupRefused(DossierLookup lookup) =>
        (lookup.SharedLimit ? LookupsPaused(lookup.RefusedUntil!.Value) : TooManyWrongCodes(lookup.RefusedUntil!.Value)) with { Warning = true };

    public static OutgoingMessage LookupsPaused(DateTimeOffset until) => new(
        "Hệ thống đang nhận quá nhiều mã hồ sơ sai từ mạng của bạn.\n" +
        $"Để bảo vệ thông tin hồ sơ, vui lòng thử lại sau {VietnamTime.Local(until):HH:mm}.");

    public static OutgoingMessage TooManyReports(DateTimeOffset until) => new(
        $"Đã có nhiều báo lỗi được gửi từ mạng của bạn. Vui lòng thử lại sau {VietnamTime.Local(until):HH:mm}.");

    public static OutgoingMessage TooManyWrongCodes(DateTimeOffset until) => new(
        "Bạn đã nhập sai mã hồ sơ nhiều lần.\n" +
        $"Để bảo vệ thông tin hồ sơ, vui lòng thử lại sau {VietnamTime.Local(until):HH:mm}.\n" +
        "Mã hồ sơ có trên giấy tiếp nhận hồ sơ.");

    public static OutgoingMessage NoPaymentRequest(Dossier dossier) => new(
        $"Hồ sơ {dossier.Code} chưa có yêu cầu thanh toán.\n" +
        $"Cán bộ {dossier.AgencyName} sẽ gửi yêu cầu sau khi kiểm tra hồ sơ. Nếu chờ lâu, vui lòng liên hệ cơ quan tiếp nhận.");

    public static OutgoingMessage Withdrawn(Dossier dossier) => new(
        $"Yêu cầu thanh toán của hồ sơ {dossier.Code} đã được thu hồi.\nVui lòng liên hệ {dossier.AgencyName}.");

    public static OutgoingMessage NoCodeInPhoto(PhotoProblem problem) => new(problem switch
    {
        PhotoProblem.TooLarge => "Ảnh quá lớn nên chưa đọc được. Vui lòng gửi ảnh nhỏ hơn 5 MB, hoặc nhập mã hồ sơ.",
        _ => "Chưa đọc được mã hồ sơ trong ảnh.\nVui lòng chụp rõ, đủ sáng mã vạch hoặc mã QR trên giấy tiếp nhận hồ sơ, hoặc nhập mã hồ sơ.",
    }) { Warning = true };

    public static OutgoingMessage UnknownLink() => new(
        "Liên kết thanh toán này không đúng.\nVui lòng mở lại liên kết cơ quan gửi, hoặc nhập mã hồ sơ có trên giấy tiếp nhận hồ sơ.") { Warning = true };

    public static OutgoingMessage LinkReplaced(Dossier dossier) => new(
        $"Yêu cầu thanh toán của hồ sơ {dossier.Code} đã thay đổi nên liên kết này không còn dùng được.\n" +
        $"Vui lòng dùng liên kết mới {dossier.AgencyName} gửi, hoặc nhập mã hồ sơ {dossier.Code}.") { Warning = true };

    public static OutgoingMessage TooLong() => new("Tin nhắn quá dài. Vui lòng chỉ nhập mã hồ sơ.");

    public static OutgoingMessage UnknownCommand() => new("Tôi chưa hiểu lệnh này. Gõ /trogiup để xem hướng dẫn.");

    public static OutgoingMessage NothingToCancel() => new("Hiện không có thao tác nào để hủy. Hãy nhập mã hồ sơ khi cần thanh toán.");

    public static OutgoingMessage Cancelled() => new("Đã hủy. Khi cần, hãy nhập mã hồ sơ để bắt đầu lại.");

    public static OutgoingMessage TimedOut() => new("Phiên thanh toán đã dừng vì lâu không có thao tác. Khi cần, hãy nhập lại mã hồ sơ.");

    public static OutgoingMessage StaleButton() => new("Nút này thuộc một tin nhắn cũ nên không còn dùng được. Vui lòng dùng tin nhắn mới nhất.") { Warning = true };

    public static OutgoingMessage InvalidButton() => new("Lựa chọn không hợp lệ. Vui lòng dùng các nút trong tin nhắn mới nhất, hoặc gõ /huy để bắt đầu lại.") { Warning = true };

    public static OutgoingMessage FeesChanged() => new("Thông tin phí, lệ phí của hồ sơ vừa được cập nhật. Vui lòng kiểm tra lại.");

    public static OutgoingMessage Hint(ConversationState state) => new(state switch
    {
        ConversationState.ConfirmingFees => "Vui lòng bấm \"Xác nhận\" để tiếp tục, hoặc gõ /huy để hủy.",
        ConversationState.ChoosingBank => "Vui lòng chọn một ngân hàng hoặc ví điện tử ở trên, hoặc gõ /huy để hủy.",
        ConversationState.AwaitingPayment => "Vui lòng bấm liên kết ở trên để thanh toán. Biên lai sẽ được gửi vào đây.",
        _ => $"Hãy nhập mã hồ sơ cần thanh toán (ví dụ: {CodeExample}). Gõ /trogiup để xem hướng dẫn.",
    });

    public static OutgoingMessage Fees(Dossier dossier, int step)
    {
        var text = new StringBuilder()
            .AppendLine("Thông tin thanh toán")
            .AppendLine($"Mã hồ sơ: {dossier.Code}")
            .AppendLine($"Thủ tục: {dossier.ProcedureName}")
            .AppendLine($"Cơ quan: {dossier.AgencyName}")
            .AppendLine($"Người nộp: {PersonalData.MaskName(dossier.ApplicantName)}");
        foreach (var line in dossier.Fees)
            text.AppendLine($"• {line.KindLabel}: {line.Name} — {Vnd.Format(line.Amount)}");
        text.AppendLine($"Tổng cộng: {Vnd.Format(dossier.Total())}")
            .Append("Vui lòng kiểm tra rồi bấm \"Xác nhận\".");
        return new OutgoingMessage(text.ToString(),
            [Choice("Xác nhận", ButtonAction.ConfirmFees, step), Choice("Hủy", ButtonAction.Cancel, step)], []);
    }

    /// <summary>The banks; with a lead (a failure, an expiry) the message says first what went wrong, and looks it.</summary>
    public static OutgoingMessage ChooseBank(long amount, IReadOnlyList<BankOption> banks, int step, string? lead = null) => new(
        (lead is null ? "" : lead + "\n") + $"Chọn ngân hàng hoặc ví điện tử để thanh toán {Vnd.Format(amount)}:",
        [.. banks.Select(b => new ChoiceButton(b.Name, new ButtonPayload(ButtonAction.ChooseBank, step, b.Code).Format())),
            Choice("Hủy", ButtonAction.Cancel, step)],
        []) { Warning = lead is not null };

    public static OutgoingMessage PaymentLink(Payment payment, string url, int step) => new(
        $"Bấm nút bên dưới để thanh toán {Vnd.Format(payment.Amount)} qua {payment.BankName}.\n" +
        $"Liên kết có hiệu lực đến {VietnamTime.Format(payment.ExpiresAt)}.\n" +
        "Thanh toán xong, biên lai sẽ được gửi vào đây.",
        [Choice("Chọn ngân hàng khác", ButtonAction.ChangeBank, step), Choice("Hủy", ButtonAction.Cancel, step)],
        [new LinkButton($"Thanh toán {Vnd.Format(payment.Amount)}", url)]) { Topic = MessageTopic.PaymentLink(payment.Id) };

    /// <summary>What the link message becomes once its attempt has ended: no link to follow, no buttons to press.</summary>
    public static OutgoingMessage LinkClosed(Payment payment) => new(payment.State == PaymentState.Succeeded
        ? $"Đã thanh toán {Vnd.Format(payment.Amount)} qua {payment.BankName}."
        : $"Liên kết thanh toán {Vnd.Format(payment.Amount)} qua {payment.BankName} đã đóng.");

    public static string PaymentFailedLead(Payment payment) =>
        $"Thanh toán chưa thành công: {FailureReason(payment)}\nBạn có thể thử lại hoặc chọn ngân hàng khác.";

    /// <summary>The gateway adapter's reason, or a plain one where it gave none.</summary>
    public static string FailureReason(Payment payment) => payment.FailureReason ?? "Giao dịch không thành công.";

    public static OutgoingMessage MoneyHeld(Payment payment, string caseReference, SupportRules support) => new(
        $"⚠️ Giao dịch {Vnd.Format(payment.Amount)} cho hồ sơ {payment.DossierCode} chưa thành công: {FailureReason(payment)}\n" +
        $"Mã hỗ trợ của bạn: {caseReference}.\n" +
        $"Bộ phận hỗ trợ sẽ kiểm tra và liên hệ với bạn trong {Hours(support.AnswerWithin)}. Khoản tiền đã trừ sẽ được hoàn lại hoặc ghi nhận cho hồ sơ; " +
        "bạn không cần thanh toán lại lúc này.\n" +
        (support.Hotline.Length > 0 ? $"Đường dây hỗ trợ: {support.Hotline} (nêu mã hỗ trợ khi gọi)." : "Khi cần, gõ /baoloi kèm mã hồ sơ.")) { Warning = true };

    private static string Hours(TimeSpan span) => span.TotalHours >= 48 && span.TotalDays % 1 == 0 ? $"{span.TotalDays:0} ngày" : $"{Math.Ceiling(span.TotalHours):0} giờ";

    public static OutgoingMessage ReportUsage() => new(
        $"Cú pháp: /baoloi <mã hồ sơ>, ví dụ /baoloi {CodeExample}.\nDùng khi bạn đã bị trừ tiền nhưng hồ sơ chưa được ghi nhận thanh toán.");

    public static OutgoingMessage ReportButPaid(Dossier dossier) => new(
        $"Hồ sơ {dossier.Code} đã được ghi nhận thanh toán. Gõ /bienlai {dossier.Code} để nhận lại biên lai.");

    public static OutgoingMessage ReportAlreadyOpen(string code) => new($"Yêu cầu kiểm tra hồ sơ {code} của bạn đang được xử lý. Kết quả sẽ được gửi vào đây.");

    public static OutgoingMessage ReportJoined(string code) => new($"Hồ sơ {code} đang được kiểm tra theo một báo lỗi khác. Kết quả sẽ được gửi vào đây.");

    public static OutgoingMessage ReportChecking(string code) => new(
        $"Đã nhận báo lỗi của hồ sơ {code}. Tôi đang kiểm tra với cổng thanh toán và sẽ báo kết quả vào đây.");

    public static OutgoingMessage ReportWithSupport(string code) => new(
        $"Cổng thanh toán chưa xác nhận được khoản tiền của hồ sơ {code}. Trường hợp của bạn đã được chuyển cho bộ phận hỗ trợ; " +
        "cán bộ sẽ kiểm tra và báo lại. Bạn không cần thanh toán lại.");

    public static OutgoingMessage ReportResolvedPaid(string code) => new(
        $"Đã xác nhận: hồ sơ {code} đã được thanh toán. Biên lai đã được gửi vào cuộc trò chuyện dùng để thanh toán.");

    /// <summary>What anyone may know of a dossier: its state, with the applicant's name masked.</summary>
    public static OutgoingMessage ShortStatus(Dossier dossier) => new(
        $"Hồ sơ {dossier.Code} — {dossier.ProcedureName}\nNgười nộp: {PersonalData.MaskName(dossier.ApplicantName)}\n" + dossier.Status switch
        {
            DossierStatus.Paid => $"Đã thanh toán lúc {VietnamTime.Format(dossier.PaidAt!.Value)}.",
            DossierStatus.AwaitingPayment => $"Chờ thanh toán {Vnd.Format(dossier.Total())}.",
            DossierStatus.Withdrawn => "Yêu cầu thanh toán đã được thu hồi.",
            _ => "Chưa có yêu cầu thanh toán.",
        });

    public static OutgoingMessage NotPaidYet(Dossier dossier) => new(
        $"Hồ sơ {dossier.Code} chưa được ghi nhận thanh toán nên chưa có biên lai. Nếu bạn đã bị trừ tiền, gõ /baoloi {dossier.Code}.");

    public static OutgoingMessage ReceiptUsage() => new(
        $"Cú pháp: /bienlai <mã hồ sơ>, ví dụ /bienlai {CodeExample}.\nNếu bạn thanh toán từ cuộc trò chuyện khác, thêm 4 số cuối số điện thoại đã khai trong hồ sơ: /bienlai {CodeExample} 5678.");

    public const string LinkExpiredLead = "Liên kết thanh toán đã hết hạn. Bạn có thể tạo liên kết mới.";

    public static OutgoingMessage Receipt(Receipt receipt, string url, bool justPaid) => new(
        (justPaid ? "✅ Thanh toán thành công!\n" : $"Hồ sơ {receipt.DossierCode} đã được thanh toán.\n") +
        $"Biên lai số {receipt.NumberText()} (ký hiệu {receipt.Series})\n" +
        (receipt.Trial ? $"⚠️ {Receipts.Receipt.TrialMark}\n" : "") +
        (receipt.LookupCode.Length > 0 ? $"Mã tra cứu: {receipt.LookupCode}\n" : "") +
        $"Mã hồ sơ: {receipt.DossierCode}\n" +
        $"Thủ tục: {receipt.ProcedureName}\n" +
        $"Số tiền: {Vnd.Format(receipt.Total)}\n" +
        $"Ngân hàng: {receipt.BankName}\n" +
        $"Mã giao dịch: {receipt.GatewayTransactionNo}\n" +
        $"Thời gian: {VietnamTime.Format(receipt.PaidAt)}\n" +
        "Cán bộ tiếp nhận sẽ xử lý hồ sơ của bạn.",
        [],
        [new LinkButton("Xem biên lai", url)]);

    public static OutgoingMessage PaidElsewhere(Receipt receipt) => new(
        $"Hồ sơ {receipt.DossierCode} đã được thanh toán lúc {VietnamTime.Format(receipt.PaidAt)} (biên lai số {receipt.NumberText()}).\n" +
        "Biên lai đã được gửi vào cuộc trò chuyện dùng để thanh toán. Nếu bạn là người nộp hồ sơ và không còn cuộc trò chuyện đó, " +
        $"gõ /bienlai {receipt.DossierCode} kèm 4 số cuối số điện thoại đã khai trong hồ sơ.");

    public static OutgoingMessage PaidTwice(Payment payment) => new(
        $"Ngân hàng đã trừ {Vnd.Format(payment.Amount)} cho hồ sơ {payment.DossierCode}, nhưng hồ sơ này đã được thanh toán trước đó.\n" +
        $"Khoản tiền này (mã giao dịch {payment.TransactionNo}) đã được ghi nhận để hoàn lại. Bộ phận hỗ trợ sẽ liên hệ với bạn.") { Warning = true };

    private static ChoiceButton Choice(string label, ButtonAction action, int step) =>
        new(label, new ButtonPayload(action, step).Format());
}
