using System.Net;
using System.Text.Json;
using ChatPay.Bot.Api;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPay.Bot.Health;

/// <summary>
/// /health as JSON: the overall status, then — for callers on this machine or with an API key — each check with its
/// status, a sentence and its figures. Anyone else learns only the overall status: which integrations run and their
/// last errors help an attacker more than a load balancer.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        object body = MaySeeDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    data = e.Value.Data,
                }),
            }
            : new { status = report.Status.ToString() };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private static bool MaySeeDetails(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address))
            return true;
        var presented = context.Request.Headers[ApiKeyCheck.Header];
        return presented.Count == 1 && context.RequestServices.GetRequiredService<ApiKeys>().Find(presented[0]) is not null;
    }
}
