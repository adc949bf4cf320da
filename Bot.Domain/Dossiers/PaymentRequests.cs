using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Dossiers;

/// <summary>
/// The officer's side of the guide: a payment request for a dossier, sent by the portal. Sending the same
/// request again changes nothing; changing an unpaid one closes open payment links and shows citizens who
/// are paying the new lines; a paid dossier keeps its request.
/// </summary>
public sealed class PaymentRequests(IChatPayStore store, TimeProvider clock, ChatPayRules rules, IPublicLinks links)
{
    private readonly ConversationSteps _steps = new(rules, links);
    private readonly CitizenNotices _notices = new(rules);

    /// <param name="mayActFor">Whether the caller may act for an agency: a request for, or changing a dossier of, any other is <see cref="PaymentRequestOutcome.NotFound"/>.</param>
    public PaymentRequestOutcome Submit(PaymentRequest request, Func<string, bool>? mayActFor = null) => store.Write(session =>
    {
        var agency = rules.Staff.Agency(request.AgencyCode) ?? throw new ArgumentException($"Unknown agency {request.AgencyCode}.", nameof(request));
        var now = clock.GetUtcNow();
        var dossier = session.Dossiers.Find(request.DossierCode);
        // Another agency's dossier, or a move of one into another agency, is answered as if the dossier did not exist.
        if (mayActFor is not null && (!mayActFor(request.AgencyCode) || dossier is not null && !mayActFor(dossier.AgencyCode)))
            return PaymentRequestOutcome.NotFound;
        if (dossier is not null && Matches(dossier, request) && dossier.Status is DossierStatus.AwaitingPayment or DossierStatus.Paid)
        {
            // A request stored before one-tap links existed gets its link when the portal sends it again.
            if (dossier is { Status: DossierStatus.AwaitingPayment, PayLinkToken: null }) PayLink.Issue(session, dossier, now);
            return PaymentRequestOutcome.Unchanged;
        }
        if (dossier is { Status: DossierStatus.Paid }) return PaymentRequestOutcome.AlreadyPaid;

        var amending = dossier is { Status: DossierStatus.AwaitingPayment };
        dossier ??= new Dossier(request.DossierCode, request.ProcedureName, agency.Code, agency.Name, request.ApplicantName, request.ApplicantPhone, now);
        dossier.Describe(request.ProcedureName, agency.Code, agency.Name, request.ApplicantName, request.ApplicantPhone);
        dossier.RequestPayment(request.Fees, now);
        // Every request and amendment gets a new link; the earlier one now says the request changed.
        PayLink.Issue(session, dossier, now);
        _notices.Requested(session, dossier, now);
        if (!amending) return PaymentRequestOutcome.Created;

        CloseOpenLinks(session, dossier.Code, now);
        foreach (var conversation in session.Conversations.WorkingOn(dossier.Code))
            _steps.Notify(session, ChatAddress.FromKey(conversation.ChatKey), now, (c, context) => c.RequestAmended(dossier, context));
        return PaymentRequestOutcome.Amended;
    });

    public PaymentRequestOutcome Withdraw(string dossierCode, Func<string, bool>? mayActFor = null) => store.Write(session =>
    {
        var dossier = session.Dossiers.Find(dossierCode);
        if (dossier is not null && mayActFor is not null && !mayActFor(dossier.AgencyCode)) return PaymentRequestOutcome.NotFound;
        switch (dossier?.Status)
        {
            case DossierStatus.Paid: return PaymentRequestOutcome.AlreadyPaid;
            case DossierStatus.Withdrawn: return PaymentRequestOutcome.Withdrawn;
            case not DossierStatus.AwaitingPayment: return PaymentRequestOutcome.NotFound;
        }

        var now = clock.GetUtcNow();
        dossier.Withdraw();
        session.Dossiers.Save(dossier);
        CloseOpenLinks(session, dossier.Code, now);
        foreach (var conversation in session.Conversations.WorkingOn(dossier.Code))
            _steps.Notify(session, ChatAddress.FromKey(conversation.ChatKey), now,
                (c, context) => c.RequestClosed(dossier.Code, CitizenTexts.Withdrawn(dossier), context));
        return PaymentRequestOutcome.Withdrawn;
    });

    private static bool Matches(Dossier dossier, PaymentRequest request) =>
        dossier.ProcedureName == request.ProcedureName && dossier.AgencyCode == request.AgencyCode &&
        dossier.ApplicantName == request.ApplicantName && dossier.ApplicantPhone == request.ApplicantPhone &&
        dossier.Fees.SequenceEqual(request.Fees);

    private static void CloseOpenLinks(IStoreSession session, string dossierCode, DateTimeOffset now)
    {
        foreach (var payment in session.Payments.OfDossier(dossierCode).Where(p => p.IsOpen))
        {
            payment.Cancel(now);
            session.Payments.Save(payment);
        }
    }
}
