using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace ChatPay.Bot.Channels.Photos;

/// <summary>
/// Reads a barcode or QR code from a photo held in memory (never stored): SkiaSharp decodes the JPEG/PNG/WebP, ZXing.Net
/// finds the code. The photo is scaled down first — a phone's 12-megapixel picture costs seconds to search, a slip's
/// code is read as well at 1,600 pixels — and the search is bounded in time by the caller.
/// </summary>
public static class CodeInImage
{
    /// <summary>The longest side a photo is searched at.</summary>
    public const int MaxSide = 1600;

    private static readonly BarcodeFormat[] Formats = [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.DATA_MATRIX];

    /// <summary>The text of the first code found, or null (not an image, or no readable code in it).</summary>
    public static string? Read(byte[] image)
    {
        using var decoded = SKBitmap.Decode(image);
        if (decoded is null) return null;
        using var scaled = Scaled(decoded);
        var bitmap = scaled ?? decoded;
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { TryHarder = true, TryInverted = true, PossibleFormats = Formats },
        };
        return reader.Decode(Luminance(bitmap))?.Text;
    }

    private static SKBitmap? Scaled(SKBitmap bitmap)
    {
        var side = Math.Max(bitmap.Width, bitmap.Height);
        if (side <= MaxSide) return null;
        var ratio = (double)MaxSide / side;
        return bitmap.Resize(new SKImageInfo((int)(bitmap.Width * ratio), (int)(bitmap.Height * ratio)), new SKSamplingOptions(SKFilterMode.Linear));
    }

    /// <summary>The image as grey levels, one byte per pixel, which is all ZXing reads.</summary>
    private static LuminanceSource Luminance(SKBitmap bitmap)
    {
        var grey = new byte[bitmap.Width * bitmap.Height];
        using var pixels = bitmap.Copy(SKColorType.Rgba8888) ?? throw new InvalidOperationException("The image cannot be read as RGBA.");
        var rgba = pixels.GetPixelSpan();
        for (var i = 0; i < grey.Length; i++)
            grey[i] = (byte)((rgba[i * 4] * 299 + rgba[i * 4 + 1] * 587 + rgba[i * 4 + 2] * 114) / 1000);
        return new PlanarYUVLuminanceSource(grey, bitmap.Width, bitmap.Height, 0, 0, bitmap.Width, bitmap.Height, false);
    }
}
