using System.Globalization;
using System.Text;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Bot.Reports;

/// <summary>
/// The report as CSV for Excel in a Vietnamese locale: UTF-8 with a byte-order mark (so diacritics open intact), ';'
/// between fields, amounts as plain whole numbers of đồng; sections one after the other, each with its own heading row.
/// </summary>
public static class ReportCsv
{
    public static byte[] Of(DailyReport report)
    {
        var csv = new StringBuilder();
        void Line(params object?[] fields) => csv.AppendLine(string.Join(';', fields.Select(Field)));

        Line($"Đối soát ngày {report.Day:dd/MM/yyyy}");
        Line(ReportSheets.RowHeadings);
        foreach (var row in ReportSheets.Rows(report)) Line(row);
        Line();
        Line("Tổng hợp theo cơ quan");
        Line(ReportSheets.TotalHeadings("Cơ quan"));
        foreach (var total in ReportSheets.Totals(report.ByAgency)) Line(total);
        Line();
        Line("Tổng hợp theo cổng thanh toán");
        Line(ReportSheets.TotalHeadings("Cổng thanh toán"));
        foreach (var total in ReportSheets.Totals(report.ByGateway)) Line(total);
        Line();
        Line("Tổng hợp theo khoản thu");
        Line(ReportSheets.LineHeadings);
        foreach (var line in ReportSheets.Lines(report)) Line(line);
        Line();
        Line("Chênh lệch");
        Line(ReportSheets.DiscrepancyHeadings);
        foreach (var discrepancy in ReportSheets.Discrepancies(report)) Line(discrepancy);
        Line();
        Line("Hoàn tiền");
        Line(ReportSheets.RefundHeadings);
        foreach (var refund in ReportSheets.Refunds(report)) Line(refund);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            DateTimeOffset instant => VietnamTime.Format(instant),
            _ => value.ToString()!,
        };
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
