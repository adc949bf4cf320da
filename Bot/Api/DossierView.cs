using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Api;

/// <summary>A dossier as the API shows it to the portal: request, attempts, receipt, alerts, claim and support cases.</summary>
public sealed record DossierView(
    string DossierCode,
    string ProcedureName,
    DossierView.AgencyView Agency,
    DossierView.ApplicantView Applicant,
    string Status,
    int RequestVersion,
    DateTimeOffset? RequestedAt,
    long Total,
    IReadOnlyList<DossierView.FeeView> Fees,
    DossierView.LinksView? Links,
    DateTimeOffset? PaidAt,
    DossierView.ReceiptView? Receipt,
    DossierView.ClaimView? Claim,
    IReadOnlyList<DossierView.AttemptView> Attempts,
    IReadOnlyList<DossierView.AlertView> Alerts,
    IReadOnlyList<DossierView.NoticeView> Notices,
    IReadOnlyList<RefundEndpoints.RefundView> Refunds,
    IReadOnlyList<DossierView.CaseView> SupportCases)
{
    public sealed record AgencyView(string Code, string Name);
    public sealed record ApplicantView(string Name, string? Phone);
    public sealed record FeeView(string Kind, string Name, long Amount);
    public sealed record ReceiptView(string Number, string Series, string FormNumber, DateTimeOffset PaidAt, long Total, string Url);
    public sealed record ClaimView(string By, DateTimeOffset At);

    /// <summary>The open request's one-tap links: the web chat, Telegram (when it is on), and a PNG QR code of the web link.</summary>
    public sealed record LinksView(string Web, string? Telegram, string Qr);

    /// <summary>An attempt in neutral words; what only its gateway speaks (VNPay's response code, MoMo's resultCode…) is under <see cref="GatewayDetails"/>.</summary>
    public sealed record AttemptView(string Id, string Gateway, string Reference, string State, string? Flag, long Amount, string Bank, DateTimeOffset CreatedAt,
        DateTimeOffset? OpenedAt, DateTimeOffset? FinishedAt, string? Outcome, string? FailureReason, string? TransactionNo, string? PaidWith, int StatusChecks,
        string? LastStatusCheck, GatewayDetailsView GatewayDetails);

    /// <summary>The gateway's own code of its last report, and the fields it reported, as it named them.</summary>
    public sealed record GatewayDetailsView(string? Code, IReadOnlyDictionary<string, string> Fields);

    public sealed record AlertView(string Channel, string Delivery, DateTimeOffset At);

    /// <summary>
    /// A notice or reminder to the citizen through one channel: a linked chat ("Telegram", "Zalo": delivery as its outbox
    /// tells: pending, delivered, failed), or ZNS by phone (queued, sent, failed with its reason, unknown: the answer was
    /// lost); "none" when no chat was linked to the applicant's phone.
    /// </summary>
    public sealed record NoticeView(string Kind, int RequestVersion, string Channel, string Delivery, DateTimeOffset At, string? Reason);
    public sealed record CaseView(string State, DateTimeOffset OpenedAt, bool ReportedByCitizen, string? Reason, string? Resolution);

    public static DossierView Of(Dossier dossier, IStoreSession session, AppLinks links, PayLinkUrls payLinks)
    {
        var receipt = dossier.ReceiptId is { } id ? session.Receipts.Find(id) : null;
        return new DossierView(
            dossier.Code,
            dossier.ProcedureName,
            new AgencyView(dossier.AgencyCode, dossier.AgencyName),
            new ApplicantView(dossier.ApplicantName, dossier.ApplicantPhone),
            Camel(dossier.Status.ToString()),
            dossier.RequestVersion,
            dossier.RequestedAt,
            dossier.Total(),
            [.. dossier.Fees.Select(f => new FeeView(f.Kind == FeeKind.Fee ? "fee" : "charge", f.Name, f.Amount))],
            payLinks.Of(dossier),
            dossier.PaidAt,
            receipt is null ? null : new ReceiptView(receipt.NumberText(), receipt.Series, receipt.FormNumber, receipt.PaidAt, receipt.Total, links.ReceiptUrl(receipt)),
            dossier.ClaimedBy is null ? null : new ClaimView(dossier.ClaimedBy, dossier.ClaimedAt!.Value),
            [.. session.Payments.OfDossier(dossier.Code).Select(Attempt)],
            [.. session.ChatLog.OnTopic(MessageTopic.Alert(dossier.Code)).Select(a => new AlertView(a.Chat.Channel.ToString(), Camel(a.Delivery.ToString()), a.At))],
            NoticesOf(dossier, session),
            [.. session.Refunds.OfDossier(dossier.Code).Select(RefundEndpoints.RefundView.Of)],
            [.. session.SupportCases.Of(dossier.Code).Select(c => new CaseView(Camel(c.State.ToString()), c.OpenedAt, c.ReporterChatKey is not null, c.Reason, c.Resolution))]);
    }

    private static List<NoticeView> NoticesOf(Dossier dossier, IStoreSession session)
    {
        var sent = session.ChatLog.OnTopic(MessageTopic.Notice(dossier.Code));
        var views = new List<NoticeView>();
        foreach (var notice in dossier.Notices)
        {
            var kind = notice.Reminder ? "reminder" : "notice";
            if (notice.Recipients == 0)
                views.Add(new NoticeView(kind, notice.RequestVersion, "none", "none", notice.At, "No chat is linked to the applicant's phone."));
            else
                views.AddRange(sent.Where(m => m.At == notice.At)
                    .Select(m => new NoticeView(kind, notice.RequestVersion, m.Chat.Channel.ToString(), Camel(m.Delivery.ToString()), notice.At, null)));
        }
        views.AddRange(session.PhoneMessages.Of(dossier.Code)
            .Select(m => new NoticeView("notice", m.RequestVersion, m.Service, m.Outcome, m.FinishedAt ?? m.QueuedAt, m.Reason)));
        return views;
    }

    private static AttemptView Attempt(Payment p) => new(p.Id, PaymentGateways.NameOf(p), p.GatewayReference, Camel(p.State.ToString()),
        p.Flag == PaymentFlag.None ? null : Camel(p.Flag.ToString()), p.Amount, p.BankName, p.CreatedAt, p.OpenedAt, p.FinishedAt,
        p.Outcome is { } outcome ? Camel(outcome.ToString()) : null, p.FailureReason, p.TransactionNo, p.PaidWith, p.Checks, p.LastCheck,
        new GatewayDetailsView(p.GatewayCode, p.GatewayDetails));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
