using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatPay.Bot.Reports;
using ChatPay.Domain;
using ChatPay.Domain.Reports;
using ChatPay.Tests.Support;
using MiniExcelLibs;

namespace ChatPay.Tests.Reports;

/// <summary>The day's reconciliation as an agency's system and its officers get it: CSV, XLSX, signed links, discrepancies.</summary>
[Trait("Tier", "Integration")]
public sealed class ReconciliationReportTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp Start(params (string Key, string Value)[] settings) =>
        new(_directory.File("chatpay.db"), PortalClient.Settings.Concat(settings).ToDictionary(s => s.Key, s => (string?)s.Value));

    private static string Today => DailyReport.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");

    private static async Task PayAsync(ChatPayApp app)
    {
        var citizen = await WebChatUser.OpenAsync(app.Http);
        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code));
        await citizen.WaitForTextAsync(Said.Paid);
    }

    [Fact]
    public async Task The_csv_opens_in_a_vietnamese_excel_with_diacritics_intact_and_semicolons_between_fields()
    {
        using var app = Start();
        await PayAsync(app);

        using var response = await new PortalClient(app.Http).SendAsync(HttpMethod.Get, $"{ReportEndpoints.ApiPath}?date={Today}&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(string.Join(';', ReportSheets.RowHeadings), lines[1]);
        var row = lines.Single(l => l.StartsWith(Code + ";")).Split(';');
        Assert.Equal("200000", row[4]);
        Assert.Equal(ReportSheets.StateText(ReportState.Paid), row[11]);
        Assert.Contains(lines, l => l == "Tổng hợp theo cơ quan");
    }

    [Fact]
    public async Task The_xlsx_has_a_sheet_per_section_money_as_numbers_in_a_dong_format_and_a_frozen_header()
    {
        using var app = Start();
        await PayAsync(app);

        using var response = await new PortalClient(app.Http).SendAsync(HttpMethod.Get, $"{ReportEndpoints.ApiPath}?date={Today}&format=xlsx&agency=H42.10");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var stream = new MemoryStream(bytes);
        Assert.Equal(ReportXlsx.SheetNames, MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var row = MiniExcel.Query(stream, useHeaderRow: true, sheetName: ReportXlsx.SheetNames[0]).Cast<IDictionary<string, object>>()
            .Single(r => (string)r["Mã hồ sơ"] == Code);
        Assert.Equal(200_000d, Convert.ToDouble(row[ReportSheets.AmountHeading]));
        Assert.IsType<DateTime>(row["Thời gian"]);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.Contains($"formatCode=\"{ReportXlsx.MoneyFormat.Replace("\"", "&quot;")}\"", styles);
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.Contains("ySplit=\"1\"", sheet);
        Assert.Contains("state=\"frozen\"", sheet);
    }

    [Fact]
    public async Task A_key_sees_only_its_agencies_and_bad_dates_and_formats_are_refused()
    {
        using var app = Start(("Api:Keys:1:Name", "VP Đất đai"), ("Api:Keys:1:Key", "land-office-key-0123456789abcdef"), ("Api:Keys:1:Agencies:0", "H42.27"));
        await PayAsync(app);
        var land = new PortalClient(app.Http, "land-office-key-0123456789abcdef");

        var own = JsonDocument.Parse(await (await land.SendAsync(HttpMethod.Get, $"{ReportEndpoints.ApiPath}?date={Today}")).Content.ReadAsStringAsync()).RootElement;

        Assert.DoesNotContain(own.GetProperty("rows").EnumerateArray(), r => r.GetProperty("dossierCode").GetString() == Code);
        Assert.Equal(HttpStatusCode.NotFound, (await land.SendAsync(HttpMethod.Get, $"{ReportEndpoints.ApiPath}?date={Today}&agency=H42.10")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await land.SendAsync(HttpMethod.Get, $"{ReportEndpoints.ApiPath}?date=27/11/2026")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await land.SendAsync(HttpMethod.Get, $"{ReportEndpoints.ApiPath}?date=2999-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await land.SendAsync(HttpMethod.Get, $"{ReportEndpoints.ApiPath}?date={Today}&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Money_the_gateway_took_that_chatpay_never_heard_of_is_a_discrepancy_once_the_gateway_is_asked()
    {
        using var app = Start(("Payments:Sandbox:IpnMode", "Never"));
        var citizen = await WebChatUser.OpenAsync(app.Http);
        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code));

        await app.Service<DayChecks>().RunAsync(DateOnly.Parse(Today), CancellationToken.None);

        var report = JsonDocument.Parse(await (await new PortalClient(app.Http).SendAsync(HttpMethod.Get, $"{ReportEndpoints.ApiPath}?date={Today}")).Content.ReadAsStringAsync()).RootElement;
        var discrepancy = Assert.Single(report.GetProperty("discrepancies").EnumerateArray());
        Assert.Equal($"{Code}_1", discrepancy.GetProperty("paymentId").GetString());
        Assert.True(discrepancy.GetProperty("gatewayPaid").GetBoolean());
        Assert.Equal(report.GetProperty("toCheck").GetInt32(), report.GetProperty("checked").GetInt32());
    }

    [Fact]
    public async Task Doisoat_sends_support_the_day_with_links_that_download_for_24_hours_and_a_changed_link_is_refused()
    {
        using var app = Start();
        await PayAsync(app);
        var support = await WebChatUser.OpenAsync(app.Http);
        await support.SayAsync($"/dangky {app.Service<ChatPayRules>().Staff.SupportEnrollmentCode}");
        await support.WaitForTextAsync(Said.Enrolled);

        await support.SayAsync($"/doisoat {Today}");

        var summary = await support.WaitForTextAsync($"Đối soát ngày {DateOnly.Parse(Today):dd/MM/yyyy}");
        var xlsx = summary.Links.Single(l => l.Label.Contains("Excel")).Url;
        using var download = await app.Http.GetAsync(xlsx);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        var tampered = xlsx[..^3] + (xlsx[^3] == 'A' ? "B" : "A") + xlsx[^2..];
        Assert.Equal(HttpStatusCode.Gone, (await app.Http.GetAsync(tampered)).StatusCode);
    }
}
