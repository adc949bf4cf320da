using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Photos;

/// <summary>
/// Reads the code on a photo of the appointment slip for any channel: in memory, never stored, at most
/// <see cref="MaxBytes"/>, and time-boxed. Decoding is CPU work, so only a few run at once (a flood of photos waits, or is
/// told to try again, instead of starving the payments); one that runs past the box is abandoned and its slot freed when
/// it ends.
/// </summary>
public sealed class SlipReader(ILogger<SlipReader> logger)
{
    /// <summary>The largest photo read (a phone's photo is 2–5 MB; Telegram's largest size of a photo is smaller).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(4);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount / 2));

    public async Task<PhotoInput> ReadAsync(byte[] image, CancellationToken cancellationToken)
    {
        if (image.Length > MaxBytes) return new PhotoInput(null, PhotoProblem.TooLarge);
        if (!await _slots.WaitAsync(TimeBox, cancellationToken)) return new PhotoInput(null, PhotoProblem.Unreadable);
        var decoding = Task.Run(() => CodeInImage.Read(image), CancellationToken.None);
        _ = decoding.ContinueWith(_ => _slots.Release(), TaskScheduler.Default);
        try
        {
            return await decoding.WaitAsync(TimeBox, cancellationToken) is { } text ? new PhotoInput(text) : new PhotoInput(null);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Reading a photo took longer than {TimeBox}; it was abandoned", TimeBox);
            return new PhotoInput(null, PhotoProblem.Unreadable);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A crafted or broken image: no code, and nothing more.
            logger.LogWarning("A photo could not be read ({Error})", e.GetType().Name);
            return new PhotoInput(null, PhotoProblem.Unreadable);
        }
    }

    /// <summary>Reads at most <see cref="MaxBytes"/> (+1, to know it was more) from a download.</summary>
    public static async Task<byte[]> TakeAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxBytes) break;
        }
        return copy.ToArray();
    }
}
