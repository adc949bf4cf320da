using System.Data;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Vietnamese;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ChatPay.Bot.Reports;

/// <summary>
/// The report as XLSX, one sheet per section, the header row frozen, money as numbers in a đồng format and times as
/// dates. MiniExcel writes it as a stream with no dependency of its own (ClosedXML, the alternative, is served here only
/// in a 2021 version that needs System.Drawing on Linux).
/// </summary>
public static class ReportXlsx
{
    public const string MoneyFormat = "#,##0 \"₫\"";
    public const string TimeFormat = "dd/MM/yyyy HH:mm";

    public static readonly string[] SheetNames = ["Giao dịch", "Theo cơ quan", "Theo cổng thanh toán", "Theo khoản thu", "Chênh lệch", "Hoàn tiền"];

    public static byte[] Of(DailyReport report)
    {
        var sheets = new Dictionary<string, object>
        {
            [SheetNames[0]] = Table(ReportSheets.RowHeadings, ReportSheets.Rows(report)),
            [SheetNames[1]] = Table(ReportSheets.TotalHeadings("Cơ quan"), ReportSheets.Totals(report.ByAgency)),
            [SheetNames[2]] = Table(ReportSheets.TotalHeadings("Cổng thanh toán"), ReportSheets.Totals(report.ByGateway)),
            [SheetNames[3]] = Table(ReportSheets.LineHeadings, ReportSheets.Lines(report)),
            [SheetNames[4]] = Table(ReportSheets.DiscrepancyHeadings, ReportSheets.Discrepancies(report)),
            [SheetNames[5]] = Table(ReportSheets.RefundHeadings, ReportSheets.Refunds(report)),
        };
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            TableStyles = TableStyles.None,
            DynamicColumns =
            [
                new DynamicExcelColumn(ReportSheets.AmountHeading) { Format = MoneyFormat, Width = 16 },
                new DynamicExcelColumn("Số tiền thu trùng") { Format = MoneyFormat, Width = 18 },
                new DynamicExcelColumn("Thời gian") { Format = TimeFormat, Width = 18 },
                new DynamicExcelColumn("Hỏi lúc") { Format = TimeFormat, Width = 18 },
                new DynamicExcelColumn("Thủ tục") { Width = 40 },
                new DynamicExcelColumn("Các khoản thu") { Width = 50 },
                new DynamicExcelColumn("Cơ quan") { Width = 30 },
                new DynamicExcelColumn("Mã hồ sơ") { Width = 22 },
            ],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>A table with its headings even when it has no rows (a day without discrepancies still shows its columns).</summary>
    private static DataTable Table(string[] headings, IEnumerable<object?[]> rows)
    {
        var table = new DataTable();
        foreach (var heading in headings) table.Columns.Add(heading, typeof(object));
        foreach (var row in rows) table.Rows.Add([.. row.Select(c => Cell(c) ?? DBNull.Value)]);
        return table;
    }

    /// <summary>Times as Vietnam's wall clock (Excel has no time zones).</summary>
    private static object? Cell(object? value) => value is DateTimeOffset instant ? VietnamTime.Local(instant).DateTime : value;
}
