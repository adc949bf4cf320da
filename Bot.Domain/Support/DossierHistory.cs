using System.Text;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Support;

/// <summary>A dossier's whole payment history in one message, for support and the agency's officers (unmasked).</summary>
public static class DossierHistory
{
    public static string Describe(IStoreSession session, Dossier dossier)
    {
        var text = new StringBuilder()
            .AppendLine($"📋 Hồ sơ {dossier.Code} — {dossier.ProcedureName}")
            .AppendLine($"Cơ quan: {dossier.AgencyName}")
            .AppendLine($"Người nộp: {dossier.ApplicantName}{(dossier.ApplicantPhone is { } phone ? $", ĐT {phone}" : "")}")
            .AppendLine($"Trạng thái: {StaffTexts.StatusText(dossier.Status)}");
        if (dossier.RequestedAt is { } requested)
            text.AppendLine($"Yêu cầu thanh toán (lần {dossier.RequestVersion}) lúc {VietnamTime.Format(requested)}: {Vnd.Format(dossier.Total())}");

        AppendNotices(text, session, dossier);

        var payments = session.Payments.OfDossier(dossier.Code);
        text.AppendLine(payments.Count == 0 ? "Chưa có lần thanh toán nào." : "Các lần thanh toán:");
        foreach (var payment in payments) text.AppendLine("• " + Describe(payment));

        if (dossier.ReceiptId is { } receiptId && session.Receipts.Find(receiptId) is { } receipt) text.AppendLine(Describe(receipt));
        foreach (var refund in session.Refunds.OfDossier(dossier.Code))
            text.AppendLine($"Hoàn tiền {refund.Id}: {Vnd.Format(refund.Amount)}, lý do: {refund.Reason}; đề nghị bởi {refund.RequesterName} lúc {VietnamTime.Format(refund.RequestedAt)} — {Refunds.RefundTexts.Status(refund)}");
        var alerts = session.ChatLog.OnTopic(MessageTopic.Alert(dossier.Code));
        if (alerts.Count > 0)
            text.AppendLine($"Thông báo cho cán bộ: {alerts.Count} tin — " + string.Join(", ",
                alerts.GroupBy(a => a.Delivery).Select(g => $"{g.Count()} {DeliveryText(g.Key)}")));
        if (dossier.ClaimedAt is { } claimedAt) text.AppendLine($"Tiếp nhận: {dossier.ClaimedBy} lúc {VietnamTime.Format(claimedAt)}");
        foreach (var report in session.SupportCases.Of(dossier.Code))
            text.AppendLine($"{(report.ReporterChatKey is null ? "Cần hỗ trợ" : "Báo lỗi")} lúc {VietnamTime.Format(report.OpenedAt)}: {CaseState(report)}");
        return text.ToString().TrimEnd();
    }

    /// <summary>Each notice to the citizen: when, and to how many linked chats in which app, delivered or why not.</summary>
    private static void AppendNotices(StringBuilder text, IStoreSession session, Dossier dossier)
    {
        var sent = session.ChatLog.OnTopic(MessageTopic.Notice(dossier.Code));
        foreach (var notice in dossier.Notices)
        {
            var what = notice.Reminder ? "Nhắc thanh toán" : "Thông báo cần thanh toán";
            var how = notice.Recipients == 0 ? "không có cuộc trò chuyện nào liên kết số điện thoại người nộp"
                : string.Join(", ", sent.Where(m => m.At == notice.At).Select(m => $"{m.Chat.Channel} {DeliveryText(m.Delivery)}"));
            text.AppendLine($"{what} lúc {VietnamTime.Format(notice.At)}: {how}");
        }
        foreach (var message in session.PhoneMessages.Of(dossier.Code))
            text.AppendLine($"Thông báo qua {message.Service} lúc {VietnamTime.Format(message.FinishedAt ?? message.QueuedAt)}: " + message.Outcome switch
            {
                PhoneMessage.Sent => "đã gửi",
                PhoneMessage.Delivered => "đã đến máy người nộp",
                PhoneMessage.Queued => "đang chờ gửi",
                PhoneMessage.Unknown => $"không rõ đã gửi hay chưa ({message.Reason}); không gửi lại",
                _ => $"không gửi được ({message.Reason})",
            });
    }

    private static string Describe(Payment payment)
    {
        var line = new StringBuilder($"{payment.Id} — {payment.BankName}{GatewayOf(payment)} — {Vnd.Format(payment.Amount)} — tạo {VietnamTime.Format(payment.CreatedAt)}");
        if (payment.OpenedAt is { } opened) line.Append($", mở {VietnamTime.Format(opened)}");
        line.Append(" — ").Append(payment.State switch
        {
            PaymentState.Succeeded => "Thành công",
            PaymentState.Failed => $"Thất bại (mã {payment.GatewayCode}: {CitizenTexts.FailureReason(payment)})",
            PaymentState.Expired => "Hết hạn",
            PaymentState.Cancelled => "Đã hủy",
            PaymentState.Pending => "Đang chờ kết quả",
            _ => "Chưa mở liên kết",
        });
        if (payment.FailedBefore is { } failedBefore) line.Append($" (trước đó báo thất bại, mã {failedBefore})");
        if (payment.TransactionNo is { } transactionNo) line.Append($" — GD {transactionNo}");
        if (payment.Flag != PaymentFlag.None) line.Append($" — ⚠️ {FlagText(payment.Flag)}");
        if (payment.Checks > 0) line.Append($" — đã hỏi cổng thanh toán {payment.Checks} lần (lần cuối: {payment.LastCheck})");
        return line.ToString();
    }

    /// <summary>The gateway, and its own reference where it is not the attempt's id.</summary>
    private static string GatewayOf(Payment payment) => payment.Gateway.Length == 0 ? ""
        : payment.GatewayReference == payment.Id ? $" qua {payment.Gateway}" : $" qua {payment.Gateway} (tham chiếu {payment.GatewayReference})";

    private static string Describe(Receipt receipt) =>
        $"Biên lai số {receipt.NumberText()} ({receipt.Series}) lúc {VietnamTime.Format(receipt.PaidAt)}, {Vnd.Format(receipt.Total)}";

    private static string DeliveryText(Delivery delivery) => delivery switch
    {
        Delivery.Pending => "đang chờ gửi",
        Delivery.Failed => "không gửi được",
        _ => "đã gửi",
    };

    private static string FlagText(PaymentFlag flag) => flag switch
    {
        PaymentFlag.LateSuccess => "tiền về sau khi liên kết đã đóng",
        PaymentFlag.NeedsRefund => "cần hoàn tiền",
        PaymentFlag.VerdictChanged => "cổng thanh toán báo thất bại rồi lại báo thành công",
        _ => "ngân hàng đã trừ tiền, giao dịch bị đảo hoặc tạm giữ",
    };

    private static string CaseState(SupportCase supportCase) => supportCase.State switch
    {
        SupportCaseState.Checking => "đang kiểm tra với cổng thanh toán",
        SupportCaseState.WithSupport => "đã chuyển bộ phận hỗ trợ",
        _ => $"đã xử lý ({supportCase.Resolution})",
    };
}
