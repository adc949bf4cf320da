using ChatPay.Bot.Payments;
using ChatPay.Bot.Receipts;
using ChatPay.Domain;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;

namespace ChatPay.Bot.Hosting;

/// <summary>Links to ChatPay's own pages, on App:PublicBaseUrl.</summary>
public sealed class AppLinks(string publicBaseUrl) : IPublicLinks
{
    private readonly string _base = publicBaseUrl.TrimEnd('/');

    public string Home => _base + "/";

    public string Absolute(string path) => _base + path;

    /// <summary>The web chat opened on a dossier's fees by its one-tap link's token.</summary>
    public string WebChatLink(string token) => $"{_base}/?ma={token}";

    public string PaymentUrl(Payment payment) => $"{_base}{PaymentLinkEndpoints.Path}/{payment.LinkToken}";

    public string ReceiptUrl(Receipt receipt) => $"{_base}{ReceiptEndpoints.Path}/{receipt.AccessToken}";
}
