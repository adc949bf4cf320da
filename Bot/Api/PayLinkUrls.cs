using ChatPay.Bot.Channels;
using ChatPay.Bot.Hosting;
using ChatPay.Domain.Dossiers;

namespace ChatPay.Bot.Api;

/// <summary>Where a dossier's one-tap link leads: the web chat, each channel that has deep links, and the QR code of the web link.</summary>
public sealed class PayLinkUrls(AppLinks links, IEnumerable<IChannelDeepLink> channels)
{
    public const string QrPath = "/api/v1/payment-requests/{0}/qr";

    /// <summary>The links of the dossier's open request; null when it has none (no request, paid, withdrawn).</summary>
    public DossierView.LinksView? Of(Dossier dossier) => dossier is { Status: DossierStatus.AwaitingPayment, PayLinkToken: { } token }
        ? new DossierView.LinksView(
            links.WebChatLink(token),
            channels.FirstOrDefault(c => c.Name == "telegram")?.For(token),
            links.Absolute(string.Format(QrPath, Uri.EscapeDataString(dossier.Code))))
        : null;
}
