using ChatPay.Domain.Chats;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Reports;

/// <summary>
/// The morning summary of the previous day to every enrolled agency chat (its agency's figures) and support (all), once:
/// the day is marked in the inbox in the same step as the messages. /doisoat asks for one on demand.
/// </summary>
public sealed class DailySummaries(ChatPayRules rules, IReportLinks links)
{
    /// <summary>The inbox key that says a day's summaries went out.</summary>
    public static string KeyFor(DateOnly day) => $"daily-report:{day:yyyy-MM-dd}";

    /// <summary>Sends the day's summaries unless sent before; returns whether it sent them.</summary>
    public bool Send(IStoreSession session, DateOnly day, DateTimeOffset now)
    {
        if (!session.Inbox.FirstTime(KeyFor(day), now)) return false;
        foreach (var agency in rules.Staff.Agencies)
        {
            var officers = session.Enrollments.Find(StaffRole.Officer, agency.Code);
            if (officers.Count == 0) continue;
            var summary = For(session, day, agency.Code, now);
            foreach (var officer in officers) session.ChatLog.Send(ChatAddress.FromKey(officer.ChatKey), summary, now);
        }
        var support = session.Enrollments.Find(StaffRole.Support, "");
        if (support.Count > 0)
        {
            var summary = For(session, day, null, now);
            foreach (var member in support) session.ChatLog.Send(ChatAddress.FromKey(member.ChatKey), summary, now);
        }
        return true;
    }

    /// <summary>/doisoat [yyyy-MM-dd]: an officer's agency (or agencies), or everything for support.</summary>
    public OutgoingMessage Ask(IStoreSession session, ChatAddress chat, string argument, DateTimeOffset now)
    {
        var yesterday = DailyReport.DayOf(now).AddDays(-1);
        DateOnly day;
        if (argument.Length == 0) day = yesterday;
        else if (!DateOnly.TryParseExact(argument.Trim(), "yyyy-MM-dd", out day) || day > DailyReport.DayOf(now)) return ReportTexts.Usage();
        var roles = session.Enrollments.OfChat(chat.Key);
        if (roles.Any(e => e.Role == StaffRole.Support)) return For(session, day, null, now);
        var agencies = roles.Where(e => e.Role == StaffRole.Officer).Select(e => e.AgencyCode).Distinct().ToList();
        return agencies.Count switch
        {
            0 => ReportTexts.OnlyStaff(),
            1 => For(session, day, agencies[0], now),
            _ => Together([.. agencies.Select(a => (Name: rules.Staff.Agency(a)?.Name ?? a, Summary: For(session, day, a, now)))]),
        };
    }

    /// <summary>Several agencies' summaries as one message, each download link named for its agency.</summary>
    private static OutgoingMessage Together(IReadOnlyList<(string Name, OutgoingMessage Summary)> summaries) => new(
        string.Join("\n\n", summaries.Select(s => s.Summary.Text)), [],
        [.. summaries.SelectMany(s => s.Summary.Links.Select(l => l with { Label = $"{l.Label} — {s.Name}" }))])
    {
        Warning = summaries.Any(s => s.Summary.Warning),
    };

    private OutgoingMessage For(IStoreSession session, DateOnly day, string? agencyCode, DateTimeOffset now)
    {
        var report = DailyReport.Build(session, day, code => agencyCode is null || code == agencyCode);
        var scope = agencyCode is null ? ReportTexts.AllAgencies : rules.Staff.Agency(agencyCode)?.Name ?? agencyCode;
        var until = now + IReportLinks.Lifetime;
        return ReportTexts.Summary(report, scope, links.ReportUrl(day, agencyCode, "xlsx", until), links.ReportUrl(day, agencyCode, "csv", until));
    }
}
