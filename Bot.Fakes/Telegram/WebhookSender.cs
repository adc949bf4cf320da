using System.Text;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// Pushes queued updates to the webhook one at a time, in order, each until the receiver answers 2xx, with the secret
/// in X-Telegram-Bot-Api-Secret-Token, as Telegram does (with max_connections 1).
/// </summary>
internal sealed class WebhookSender(UpdateQueue updates, CancellationToken stopping) : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task RunAsync()
    {
        try
        {
            while (true)
            {
                var delivery = await updates.NextForWebhookAsync();
                if (await DeliverAsync(delivery)) updates.Delivered(delivery.UpdateId);
                else await Task.Delay(RetryDelay, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<bool> DeliverAsync(WebhookDelivery delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Json, Encoding.UTF8, "application/json"),
        };
        if (delivery.Secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", delivery.Secret);
        try
        {
            using var response = await _http.SendAsync(request, stopping);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !stopping.IsCancellationRequested))
        {
            // Unreachable or too slow: Telegram keeps the update and tries again.
            return false;
        }
    }
}
