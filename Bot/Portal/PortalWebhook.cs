using System.Security.Cryptography;
using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Portal;

/// <summary>
/// Delivers "dossier.paid" events to the portal: POST of a JSON body signed with HMAC-SHA256 over
/// "{timestamp}.{body}" (header X-ChatPay-Signature: t=…,v1=…), retried with backoff until the portal answers
/// 2xx. Events are written in the payment's own step, so a restart delivers what was due.
/// </summary>
public sealed class PortalWebhook(
    HttpClient http, IPortalEventStore events, Reachability reachability, IOptions<PortalOptions> options, TimeProvider clock, ILogger<PortalWebhook> logger)
{
    public const string SignatureHeader = "X-ChatPay-Signature";
    public const string EventIdHeader = "X-ChatPay-Event-Id";
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>Delivers every event that is due; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = events.Due(now, 50);
        var delivered = 0;
        foreach (var portalEvent in due)
            if (await DeliverAsync(portalEvent, cancellationToken)) delivered++;
        return delivered;
    }

    private async Task<bool> DeliverAsync(PortalEvent portalEvent, CancellationToken cancellationToken)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { id = portalEvent.Id, type = portalEvent.Type, createdAt = portalEvent.CreatedAt, data = portalEvent.Data },
            System.Text.Json.JsonSerializerOptions.Web);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.WebhookUrl) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(EventIdHeader, portalEvent.Id);
        request.Headers.Add(SignatureHeader, $"t={timestamp},v1={Sign(timestamp, body, options.Value.WebhookSecret)}");

        portalEvent.Attempts++;
        using var scope = logger.ForDossier(portalEvent.Data.DossierCode);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                portalEvent.DeliveredAt = clock.GetUtcNow();
                portalEvent.NextAttemptAt = null;
                Save(portalEvent);
                reachability.Answered(PortalSetup.Service);
                return true;
            }
            portalEvent.LastError = $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            portalEvent.LastError = e.GetType().Name;
        }
        reachability.Failed(PortalSetup.Service, portalEvent.LastError);
        var wait = TimeSpan.FromTicks(Math.Min(options.Value.RetryDelay.Ticks << Math.Min(portalEvent.Attempts - 1, 16), LongestWait.Ticks));
        portalEvent.NextAttemptAt = clock.GetUtcNow() + wait;
        Save(portalEvent);
        logger.LogWarning("Portal webhook for {DossierCode} failed ({Error}); retrying in {Wait}", portalEvent.Data.DossierCode, portalEvent.LastError, wait);
        return false;
    }

    private void Save(PortalEvent portalEvent) => events.Save(portalEvent);

    /// <summary>Lower-case hex HMAC-SHA256 of "{timestamp}.{body}": what the portal recomputes to trust the event.</summary>
    public static string Sign(string timestamp, string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
