using ChatPay.Bot.Hosting;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Reports;

/// <summary>
/// Every morning at Reports:DailyAt: asks the gateways about the previous day's attempts (<see cref="DayChecks"/>), then
/// sends its summary to every enrolled agency chat and support, once. A start after that time catches up the same day.
/// </summary>
public sealed class DailyReportService(IChatPayStore store, DayChecks checks, DailySummaries summaries, IOptions<ReportsOptions> options, TimeProvider clock,
    ILogger<DailyReportService> logger) : PeriodicService(TimeSpan.FromMinutes(1), clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (TimeOnly.FromDateTime(VietnamTime.Local(now).DateTime) < options.Value.DailyAt) return;
        var day = DailyReport.DayOf(now).AddDays(-1);
        if (store.Read(session => session.Inbox.Recorded(DailySummaries.KeyFor(day)))) return;
        await checks.RunAsync(day, cancellationToken);
        if (store.Write(session => summaries.Send(session, day, _clock.GetUtcNow())))
            logger.LogInformation("The reconciliation of {Day} was sent to agency chats and support", day);
    }
}
