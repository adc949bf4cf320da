using ChatPay.Bot.Reports;
using ChatPay.Domain;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPay.Tests.Reports;

/// <summary>The morning summary goes out at Reports:DailyAt (GMT+7) on the service's clock, once, for the day before.</summary>
[Trait("Tier", "Integration")]
public sealed class DailyReportServiceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Yesterdays_summary_goes_to_support_once_when_the_services_clock_reaches_the_time()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var support = await WebChatUser.OpenAsync(app.Http);
        await support.SayAsync($"/dangky {app.Service<ChatPayRules>().Staff.SupportEnrollmentCode}");
        await support.WaitForTextAsync(Said.Enrolled);
        // 07:29 in Vietnam, the day after the demo's already-paid dossier was settled (today, on the real clock).
        var tomorrow = DailyReport.DayOf(DateTimeOffset.UtcNow).AddDays(1);
        var clock = new FakeTimeProvider(new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(7, 29)), TimeSpan.FromHours(7)));
        var store = app.Service<IChatPayStore>();
        using var service = new DailyReportService(store, app.Service<DayChecks>(), app.Service<DailySummaries>(),
            Options.Create(new ReportsOptions { DailyAt = new TimeOnly(7, 30) }), clock, NullLogger<DailyReportService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var key = DailySummaries.KeyFor(tomorrow.AddDays(-1));
        Assert.False(store.Read(s => s.Inbox.Recorded(key)));
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => store.Read(s => s.Inbox.Recorded(key)));
        clock.Advance(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        await service.StopAsync(CancellationToken.None);

        var summary = await support.WaitForTextAsync($"Đối soát ngày {tomorrow.AddDays(-1):dd/MM/yyyy}");
        Assert.Contains(ReportTexts.AllAgencies, summary.Text);
        Assert.Single(support.Seen, m => m.Text.StartsWith($"📊 Đối soát ngày {tomorrow.AddDays(-1):dd/MM/yyyy}"));
    }
}
