using ChatPay.Bot.Hosting;
using ChatPay.Domain;
using ChatPay.Domain.Reports;

namespace ChatPay.Bot.Reports;

public static class ReportsSetup
{
    /// <summary>The daily reconciliation: the gateways' checks, the morning summaries, the report's formats.</summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<DayChecks>();
        builder.Services.AddSingleton(sp => new DailySummaries(sp.GetRequiredService<ChatPayRules>(), sp.GetRequiredService<IPublicLinks>()));
        builder.Services.AddLeaderService<DailyReportService>();
        return builder;
    }
}
