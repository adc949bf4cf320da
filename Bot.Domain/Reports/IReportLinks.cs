namespace ChatPay.Domain.Reports;

/// <summary>Signed, expiring addresses of a day's report, for the chats it is announced in.</summary>
public interface IReportLinks
{
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The report of <paramref name="day"/> for one agency (or all: null) in "xlsx" or "csv", valid until <paramref name="until"/>.</summary>
    string ReportUrl(DateOnly day, string? agencyCode, string format, DateTimeOffset until);
}
