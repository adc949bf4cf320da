using QRCoder;

namespace ChatPay.Bot.Receipts;

/// <summary>The QR code printed on a receipt, leading to its verification page (QRCoder: a well-kept encoder, no drawing library needed).</summary>
public static class ReceiptQr
{
    public static byte[] Png(string text) => PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 4);

    /// <summary>Inline, so a printed or saved page keeps it (the page's policy allows data: images).</summary>
    public static string DataUri(string text) => $"data:image/png;base64,{Convert.ToBase64String(Png(text))}";
}
