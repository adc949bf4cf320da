using ChatPay.Domain.Reports;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Bot.Reports;

/// <summary>The report's sections as headed tables, the same for CSV and XLSX: amounts as numbers, times as instants.</summary>
public static class ReportSheets
{
    public const string AmountHeading = "Số tiền";

    public static readonly string[] RowHeadings =
        ["Mã hồ sơ", "Thủ tục", "Cơ quan", "Các khoản thu", AmountHeading, "Cổng thanh toán", "Mã giao dịch", "Ngân hàng", "Thời gian", "Số biên lai", "Ký hiệu",
         "Trạng thái", "Ghi chú"];

    public static string[] TotalHeadings(string by) => [by, "Số giao dịch", AmountHeading, "Thu trùng", "Số tiền thu trùng"];

    public static readonly string[] LineHeadings = ["Loại", "Khoản thu", "Số lần", AmountHeading];

    public static readonly string[] DiscrepancyHeadings = ["Mã hồ sơ", "Giao dịch", "Cơ quan", "Cổng thanh toán", AmountHeading, "Chênh lệch", "Cổng thanh toán báo", "Hỏi lúc"];

    public static readonly string[] RefundHeadings = ["Mã hồ sơ", "Giao dịch", "Mã hoàn tiền", "Cơ quan", AmountHeading, "Kết quả", "Mã giao dịch hoàn", "Thời gian"];

    public static IEnumerable<object?[]> Refunds(DailyReport report) => report.Refunds.Select(r => new object?[]
    {
        r.DossierCode, r.PaymentId, r.RefundId, r.AgencyCode, r.Amount, r.Refunded ? "Đã hoàn" : $"Không hoàn được: {r.GatewayMessage}", r.TransactionNo, r.FinishedAt,
    });

    public static IEnumerable<object?[]> Rows(DailyReport report) => report.Rows.Select(r => new object?[]
    {
        r.DossierCode, r.ProcedureName, r.AgencyName, string.Join("; ", r.Lines.Select(l => $"{l.KindLabel}: {l.Name} {Vnd.Format(l.Amount)}")), r.Amount, r.Gateway,
        r.TransactionNo, r.Bank, r.SettledAt, r.ReceiptNumber, r.ReceiptSeries, StateText(r.State),
        r.StartedOn is { } started ? $"Giao dịch bắt đầu ngày {started:dd/MM/yyyy}" : null,
    });

    public static IEnumerable<object?[]> Totals(IEnumerable<DailyReport.Total> totals) =>
        totals.Select(t => new object?[] { t.Name, t.Count, t.Amount, t.Duplicates, t.DuplicateAmount });

    public static IEnumerable<object?[]> Lines(DailyReport report) => report.ByFeeLine.Select(l => new object?[] { l.Kind, l.Name, l.Count, l.Amount });

    public static IEnumerable<object?[]> Discrepancies(DailyReport report) => report.Discrepancies.Select(d => new object?[]
    {
        d.DossierCode, d.PaymentId, d.AgencyCode, d.Gateway, d.Amount,
        d.GatewayPaid ? "Cổng thanh toán báo đã thu, ChatPay chưa ghi nhận" : "ChatPay ghi nhận đã thu, cổng thanh toán không báo",
        d.GatewaySays, d.CheckedAt,
    });

    public static string StateText(ReportState state) => state switch
    {
        ReportState.Paid => "Đã thanh toán",
        ReportState.Late => "Đã thanh toán (sau khi liên kết đã đóng)",
        ReportState.Duplicate => "Thu trùng — cần hoàn tiền",
        ReportState.Reversed => "Ngân hàng đã trừ tiền, giao dịch bị đảo",
        ReportState.Held => "Ngân hàng đã trừ tiền, giao dịch bị tạm giữ",
        _ => "Không thành công",
    };
}
