using ChatPay.Bot.Payments;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Reports;
using ChatPay.Domain;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;

namespace ChatPay.Bot.Hosting;

/// <summary>Links to ChatPay's own pages, on App:PublicBaseUrl.</summary>
/// <param name="reports">Signs report links (without one, a key for this instance only: links die with it).</param>
public sealed class AppLinks(string publicBaseUrl, ReportTokens? reports = null) : IPublicLinks
{
    private readonly string _base = publicBaseUrl.TrimEnd('/');
    private readonly ReportTokens _reports = reports ?? new ReportTokens(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string ReportUrl(DateOnly day, string? agencyCode, string format, DateTimeOffset until) =>
        $"{_base}{ReportEndpoints.DownloadPath}/{_reports.Issue(new ReportTokens.Claims(day, agencyCode, format, until))}";

    public ReportTokens.Claims? ReadReportToken(string token, DateTimeOffset now) => _reports.Read(token, now);

    public string Home => _base + "/";

    public string Absolute(string path) => _base + path;

    /// <summary>The web chat opened on a dossier's fees by its one-tap link's token.</summary>
    public string WebChatLink(string token) => $"{_base}/?ma={token}";

    public string PaymentUrl(Payment payment) => $"{_base}{PaymentLinkEndpoints.Path}/{payment.LinkToken}";

    public string ReceiptUrl(Receipt receipt) => $"{_base}{ReceiptEndpoints.Path}/{receipt.AccessToken}";
}
