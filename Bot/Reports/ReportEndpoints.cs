using ChatPay.Bot.Api;
using ChatPay.Bot.Hosting;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Reports;

/// <summary>
/// A day's reconciliation: for an agency's system with its API key (scoped to the key's agencies), and behind the signed
/// links the morning summary and /doisoat send (valid 24 hours).
/// </summary>
public static class ReportEndpoints
{
    public const string ApiPath = "/api/v1/reports/daily";
    public const string DownloadPath = "/bao-cao";

    /// <summary>Under the API's group (key check, size limit).</summary>
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/daily", Daily);
        return api;
    }

    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{DownloadPath}/{{token}}", Download).ExcludeFromDescription();
        return app;
    }

    public static IResult Daily(string? date, string? agency, string? format, HttpContext http, IChatPayStore store, TimeProvider clock)
    {
        if (!DateOnly.TryParseExact(date ?? "", "yyyy-MM-dd", out var day))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "date must be a day as yyyy-MM-dd.");
        if (day > DailyReport.DayOf(clock.GetUtcNow()))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "date is in the future.");
        if (format is not (null or "json" or "csv" or "xlsx"))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "format must be json, csv or xlsx.");
        var caller = ApiKeyCheck.CallerOf(http);
        // Another agency's report is answered as one that does not exist: a key learns nothing of agencies it may not see.
        if (agency is not null && !caller.Covers(agency))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No agency {agency}.");
        var report = store.Read(session => DailyReport.Build(session, day, code => caller.Covers(code) && (agency is null || code == agency)));
        return File(report, format, agency);
    }

    public static IResult Download(string token, string? format, AppLinks links, IChatPayStore store, TimeProvider clock)
    {
        if (links.ReadReportToken(token, clock.GetUtcNow()) is not { } claims)
            return Pages.Page.Html("Liên kết đã hết hạn", "<h1 class=\"bad\">Liên kết tải báo cáo không còn hiệu lực</h1>" +
                "<p>Liên kết có hiệu lực 24 giờ. Gõ /doisoat trong cuộc trò chuyện để nhận liên kết mới.</p>", StatusCodes.Status410Gone);
        var report = store.Read(session => DailyReport.Build(session, claims.Day, code => claims.AgencyCode is null || code == claims.AgencyCode));
        return File(report, claims.Format, claims.AgencyCode);
    }

    private static IResult File(DailyReport report, string? format, string? agency)
    {
        var name = $"doi-soat-{report.Day:yyyy-MM-dd}{(agency is null ? "" : "-" + agency)}";
        return format switch
        {
            "csv" => Results.File(ReportCsv.Of(report), "text/csv; charset=utf-8", $"{name}.csv"),
            "xlsx" => Results.File(ReportXlsx.Of(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx"),
            _ => TypedResults.Ok(report),
        };
    }
}
