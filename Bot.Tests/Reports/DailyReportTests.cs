using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Reports;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Vietnamese;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatPay.Tests.Reports;

/// <summary>A day of mixed attempts, reconciled: each row, and totals per agency, gateway and fee line as computed by hand.</summary>
[Trait("Tier", "Unit")]
public sealed class DailyReportTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 26);
    // 23:55 on the 25th in Vietnam: the first attempt starts the day before it settles.
    private readonly Desk _desk = new(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 23, 55, 0, TimeSpan.FromHours(7))));

    public void Dispose() => _desk.Dispose();

    private static ChatAddress Chat(string id) => new(WebChatIdentity.Channel, id);

    private void Add(string code, string agency, params FeeLine[] lines)
    {
        _desk.AddDossier(code, lines);
        if (agency != Desk.AgencyCode) _desk.Change(code, d => d.Describe(d.ProcedureName, agency, "Văn phòng Đăng ký đất đai", d.ApplicantName, d.ApplicantPhone));
    }

    private Payment Opened(string code, string chat) => _desk.OpenedPayment(code, Chat(chat));

    private void Settle(GatewayReport report) => _desk.Settlement.Settle(report);

    /// <summary>The day as the tests make it.</summary>
    private DailyReport MixedDay()
    {
        Add("H42.10-261125-0005", Desk.AgencyCode, new FeeLine(FeeKind.Charge, "Lệ phí C", 150_000));
        var yesterdays = Opened("H42.10-261125-0005", "e");
        _desk.Clock.Advance(TimeSpan.FromMinutes(10));
        Settle(_desk.Paid(yesterdays));

        Add("H42.10-261126-0001", Desk.AgencyCode, new FeeLine(FeeKind.Fee, "Phí A", 200_000));
        Add("H42.10-261126-0002", Desk.AgencyCode, new FeeLine(FeeKind.Fee, "Phí B", 50_000), new FeeLine(FeeKind.Charge, "Lệ phí C", 30_000));
        Add("H42.27-261126-0003", "H42.27", new FeeLine(FeeKind.Fee, "Phí A", 100_000));
        Add("H42.10-261126-0004", Desk.AgencyCode, new FeeLine(FeeKind.Fee, "Phí D", 70_000));

        var first = Opened("H42.10-261126-0001", "a");
        var second = Opened("H42.10-261126-0001", "b");
        Settle(_desk.Paid(first));
        Settle(_desk.Paid(second, "14000002"));

        Settle(_desk.Declined(Opened("H42.10-261126-0002", "c")));
        Settle(_desk.Paid(Opened("H42.10-261126-0002", "c"), "14000003"));

        var late = Opened("H42.27-261126-0003", "d");
        _desk.Clock.Advance(TimeSpan.FromMinutes(16));
        _desk.Deadlines.Run();
        Settle(_desk.Paid(late, "14000004"));

        Settle(_desk.Reversed(Opened("H42.10-261126-0004", "f")));

        // Settled the next day: not in this day's report.
        Add("H42.10-261126-0006", Desk.AgencyCode, new FeeLine(FeeKind.Fee, "Phí A", 10_000));
        var tomorrows = Opened("H42.10-261126-0006", "g");
        _desk.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 0, 1, 0, TimeSpan.FromHours(7)));
        Settle(_desk.Paid(tomorrows, "14000005"));

        return _desk.Store.Read(session => DailyReport.Build(session, Day, _ => true));
    }

    [Fact]
    public void Every_attempt_settled_that_day_is_a_row_with_its_state_and_a_late_settlement_names_the_day_it_started()
    {
        var report = MixedDay();

        Assert.Equal(
            [("H42.10-261125-0005_1", ReportState.Paid), ("H42.10-261126-0001_1", ReportState.Paid), ("H42.10-261126-0001_2", ReportState.Duplicate),
             ("H42.10-261126-0002_1", ReportState.Failed), ("H42.10-261126-0002_2", ReportState.Paid), ("H42.27-261126-0003_1", ReportState.Late),
             ("H42.10-261126-0004_1", ReportState.Reversed)],
            report.Rows.Select(r => (r.PaymentId, r.State)));
        Assert.Equal(new DateOnly(2026, 11, 25), report.Rows[0].StartedOn);
        Assert.All(report.Rows.Skip(1), r => Assert.Null(r.StartedOn));
        Assert.Equal("0000001", report.Rows[0].ReceiptNumber);
        Assert.Null(report.Rows[2].ReceiptNumber);
        Assert.Equal(["Phí B", "Lệ phí C"], report.Rows[4].Lines.Select(l => l.Name));
    }

    [Fact]
    public void Totals_per_agency_gateway_and_fee_line_count_only_money_received()
    {
        var report = MixedDay();

        Assert.Equal([new DailyReport.Total("H42.10", "Sở Tư pháp tỉnh Hà Tĩnh", 3, 430_000, 1, 200_000), new DailyReport.Total("H42.27", "Văn phòng Đăng ký đất đai", 1, 100_000, 0, 0)],
            report.ByAgency);
        Assert.Equal([new DailyReport.Total("VnPay", "VnPay", 4, 530_000, 1, 200_000)], report.ByGateway);
        Assert.Equal([new DailyReport.LineTotal("Lệ phí", "Lệ phí C", 2, 180_000), new DailyReport.LineTotal("Phí", "Phí A", 2, 300_000), new DailyReport.LineTotal("Phí", "Phí B", 1, 50_000)],
            report.ByFeeLine);
        Assert.Equal(730_000, report.Received);
    }

    [Fact]
    public void An_agency_sees_only_its_own_rows_and_totals()
    {
        MixedDay();

        var report = _desk.Store.Read(session => DailyReport.Build(session, Day, code => code == "H42.27"));

        Assert.Equal(["H42.27-261126-0003_1"], report.Rows.Select(r => r.PaymentId));
        Assert.Equal(["H42.27"], report.ByAgency.Select(t => t.Key));
    }

    [Fact]
    public void The_morning_summary_goes_once_to_each_agency_chat_with_its_figures_and_to_support_with_all()
    {
        MixedDay();
        var officer = Chat("officer");
        var support = Chat("support");
        _desk.Say($"/dangky {Desk.OfficerCode}", officer);
        _desk.Say($"/dangky {Desk.SupportCode}", support);
        var summaries = new DailySummaries(Desk.Rules, Desk.Links);

        var sent = _desk.Store.Write(session => summaries.Send(session, Day, _desk.Clock.GetUtcNow()));
        var again = _desk.Store.Write(session => summaries.Send(session, Day, _desk.Clock.GetUtcNow()));

        Assert.True(sent);
        Assert.False(again);
        var toOfficer = _desk.Log(officer).Last(e => e.Outgoing);
        var toSupport = _desk.Log(support).Last(e => e.Outgoing);
        Assert.Contains("Sở Tư pháp tỉnh Hà Tĩnh", toOfficer.Text.Split('\n')[0]);
        Assert.Contains($"Đã thu: 3 giao dịch, {Vnd.Format(430_000)}", toOfficer.Text);
        Assert.Contains($"Đã thu: 4 giao dịch, {Vnd.Format(530_000)}", toSupport.Text);
        Assert.Contains(ReportTexts.AllAgencies, toSupport.Text);
        Assert.Equal(2, toSupport.Links.Count);
        Assert.Equal(1, _desk.Log(support).Count(e => e.Outgoing && e.Text.StartsWith("📊")));
    }

    [Fact]
    public void Doisoat_in_a_chat_of_two_agencies_gives_each_agencys_figures_and_links()
    {
        MixedDay();
        var both = Chat("both");
        _desk.Say($"/dangky {Desk.OfficerCode}", both);
        _desk.Say("/dangky OFFICER-H4227", both);

        _desk.Say("/doisoat 2026-11-26", both);

        var summary = _desk.Log(both).Last(e => e.Outgoing);
        Assert.Contains("Sở Tư pháp tỉnh Hà Tĩnh", summary.Text);
        Assert.Contains("Văn phòng Đăng ký đất đai", summary.Text);
        Assert.Equal(4, summary.Links.Count);
        Assert.All(summary.Links, l => Assert.Contains(ReportEndpoints.DownloadPath, l.Url));
    }
}
