using QRCoder;

namespace ChatPay.Bot.Pages;

/// <summary>
/// QR codes as PNG: on a receipt (to its verification page) and for a payment request's one-tap link (for the portal or a
/// printed slip). QRCoder: a well-kept encoder that needs no drawing library.
/// </summary>
public static class QrPng
{
    public static byte[] Of(string text, int pixelsPerModule = 4) => PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, pixelsPerModule);

    /// <summary>Inline, so a printed or saved page keeps it (the page's policy allows data: images).</summary>
    public static string DataUri(string text) => $"data:image/png;base64,{Convert.ToBase64String(Of(text))}";
}
