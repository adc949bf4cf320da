using QRCoder;
using SkiaSharp;
using ZXing;
using ZXing.Rendering;

namespace ChatPay.Tests.Support;

/// <summary>
/// Photos of an appointment slip (phiếu tiếp nhận và hẹn trả kết quả) made by the tests: a white page with lines where the
/// text would be and the dossier code as a QR code or a Code 128 barcode, then taken as a phone would — turned, blurred,
/// at an angle, saved as JPEG.
/// </summary>
public static class SlipPhotos
{
    public enum Symbol { Qr, Code128 }

    public sealed record Shot(float Degrees = 0, float Blur = 0, float Tilt = 0, int JpegQuality = 90);

    public static byte[] Of(string content, Symbol symbol, Shot shot)
    {
        using var slip = Slip(content, symbol);
        using var taken = Take(slip, shot);
        using var image = SKImage.FromBitmap(taken);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, shot.JpegQuality);
        return data.ToArray();
    }

    /// <summary>A slip with lines of "text" and no code at all.</summary>
    public static byte[] WithoutCode()
    {
        using var slip = Page();
        using var image = SKImage.FromBitmap(slip);
        return image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
    }

    private static SKBitmap Page()
    {
        var page = new SKBitmap(1000, 1300);
        using var canvas = new SKCanvas(page);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(60, 60, 60), IsAntialias = true };
        var random = new Random(7);
        for (var y = 80; y < 700; y += 38)
            canvas.DrawRect(60, y, 300 + random.Next(560), 14, ink);
        return page;
    }

    private static SKBitmap Slip(string content, Symbol symbol)
    {
        var page = Page();
        using var canvas = new SKCanvas(page);
        using var code = symbol == Symbol.Qr ? QrBitmap(content) : BarcodeBitmap(content);
        var x = (page.Width - code.Width) / 2f;
        using var image = SKImage.FromBitmap(code);
        canvas.DrawImage(image, x, 780, new SKSamplingOptions(SKFilterMode.Nearest));
        return page;
    }

    private static SKBitmap QrBitmap(string content) => SKBitmap.Decode(PngByteQRCodeHelper.GetQRCode(content, QRCodeGenerator.ECCLevel.M, 10));

    private static SKBitmap BarcodeBitmap(string content)
    {
        var writer = new BarcodeWriterPixelData
        {
            Format = BarcodeFormat.CODE_128,
            Options = new ZXing.Common.EncodingOptions { Width = 760, Height = 180, Margin = 20, PureBarcode = true },
        };
        PixelData pixels = writer.Write(content);
        var bitmap = new SKBitmap(new SKImageInfo(pixels.Width, pixels.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        System.Runtime.InteropServices.Marshal.Copy(pixels.Pixels, 0, bitmap.GetPixels(), pixels.Pixels.Length);
        return bitmap;
    }

    /// <summary>The slip as a phone takes it: on a grey desk, turned, seen at an angle, out of focus.</summary>
    private static SKBitmap Take(SKBitmap slip, Shot shot)
    {
        var photo = new SKBitmap(1600, 1600);
        using var canvas = new SKCanvas(photo);
        canvas.Clear(new SKColor(150, 140, 130));
        var matrix = SKMatrix.CreateTranslation(-slip.Width / 2f, -slip.Height / 2f)
            .PostConcat(SKMatrix.CreateRotationDegrees(shot.Degrees))
            .PostConcat(Perspective(shot.Tilt))
            .PostConcat(SKMatrix.CreateScale(1.1f, 1.1f))
            .PostConcat(SKMatrix.CreateTranslation(photo.Width / 2f, photo.Height / 2f));
        canvas.SetMatrix(matrix);
        using var paint = new SKPaint { IsAntialias = true, ImageFilter = shot.Blur > 0 ? SKImageFilter.CreateBlur(shot.Blur, shot.Blur) : null };
        using var image = SKImage.FromBitmap(slip);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        return photo;
    }

    /// <summary>The far edge smaller than the near one, as when the phone is not held square to the page.</summary>
    private static SKMatrix Perspective(float tilt) => new() { ScaleX = 1, ScaleY = 1, Persp1 = tilt / 1000f, Persp2 = 1 };
}
