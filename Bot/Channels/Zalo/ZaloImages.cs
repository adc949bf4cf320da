using ChatPay.Bot.Channels.Photos;
using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>A picture a Zalo user sent, fetched from the address in the (signed) event, at most <see cref="SlipReader.MaxBytes"/>, and read.</summary>
public sealed class ZaloImages(HttpClient http, SlipReader slips, ILogger<ZaloImages> logger)
{
    public async Task<PhotoInput> ReadAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")) return new PhotoInput(null, PhotoProblem.Unreadable);
        try
        {
            using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > SlipReader.MaxBytes) return new PhotoInput(null, PhotoProblem.TooLarge);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await slips.ReadAsync(await SlipReader.TakeAsync(body, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("A Zalo picture could not be fetched ({Error})", e.GetType().Name);
            return new PhotoInput(null, PhotoProblem.Unreadable);
        }
    }
}
