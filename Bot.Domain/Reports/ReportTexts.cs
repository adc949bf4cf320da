using System.Text;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Reports;

/// <summary>What officers and support read of a day's reconciliation.</summary>
public static class ReportTexts
{
    /// <summary>The day's figures and two download links (XLSX, CSV) that expire in 24 hours.</summary>
    public static OutgoingMessage Summary(DailyReport report, string scope, string xlsxUrl, string csvUrl)
    {
        var credited = report.Rows.Where(r => r.Credited && r.State != ReportState.Duplicate).ToList();
        var duplicates = report.Rows.Where(r => r.State == ReportState.Duplicate).ToList();
        var debitedNotCredited = report.Rows.Count(r => r.State is ReportState.Reversed or ReportState.Held);
        var text = new StringBuilder()
            .AppendLine($"📊 Đối soát ngày {report.Day:dd/MM/yyyy} — {scope}")
            .AppendLine($"Đã thu: {credited.Count} giao dịch, {Vnd.Format(credited.Sum(r => r.Amount))}");
        foreach (var total in report.ByGateway) text.AppendLine($"• {total.Name}: {total.Count} giao dịch, {Vnd.Format(total.Amount)}");
        if (duplicates.Count > 0) text.AppendLine($"Thu trùng cần hoàn tiền: {duplicates.Count} giao dịch, {Vnd.Format(duplicates.Sum(r => r.Amount))}");
        if (debitedNotCredited > 0) text.AppendLine($"Bị đảo hoặc tạm giữ: {debitedNotCredited} giao dịch");
        if (report.Refunds.Count > 0)
            text.AppendLine($"Đã hoàn tiền: {report.Refunds.Count(r => r.Refunded)} lần, {Vnd.Format(report.RefundedAmount)}" +
                (report.Refunds.Any(r => !r.Refunded) ? $"; không hoàn được: {report.Refunds.Count(r => !r.Refunded)}" : ""));
        text.AppendLine(report.Discrepancies.Count == 0
            ? $"Chênh lệch với cổng thanh toán: không có (đã đối chiếu {report.Checked}/{report.ToCheck} giao dịch)."
            : $"⚠️ Chênh lệch với cổng thanh toán: {report.Discrepancies.Count} giao dịch (đã đối chiếu {report.Checked}/{report.ToCheck}).");
        text.Append("Liên kết tải báo cáo có hiệu lực 24 giờ.");
        return new OutgoingMessage(text.ToString(), [], [new LinkButton("Tải báo cáo (Excel)", xlsxUrl), new LinkButton("Tải báo cáo (CSV)", csvUrl)])
        {
            Warning = report.Discrepancies.Count > 0,
        };
    }

    public const string AllAgencies = "tất cả cơ quan";

    public static OutgoingMessage Usage() => new("Cú pháp: /doisoat [ngày, ví dụ 2026-11-27]. Không ghi ngày: hôm qua.");

    public static OutgoingMessage OnlyStaff() => new("Chỉ cán bộ và bộ phận hỗ trợ đã đăng ký xem được đối soát.");
}
