using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Security;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Support;

/// <summary>
/// Support cases. A citizen's "I paid but it says unpaid" (/baoloi) first makes the gateway be asked about
/// the dossier's unsettled attempts; what it cannot settle — and what ChatPay itself finds wrong (money to
/// refund, money held, a silent gateway) — goes to support with the dossier's history. Whoever is waiting is
/// told when the case is settled.
/// </summary>
internal sealed class ProblemReports
{
    public void Report(IStoreSession session, LookupCaller caller, string argument, DateTimeOffset now, CodeLookupRules rules) =>
        session.ChatLog.Send(caller.Chat, Open(session, caller, argument, now, rules), now);

    private OutgoingMessage Open(IStoreSession session, LookupCaller caller, string argument, DateTimeOffset now, CodeLookupRules rules)
    {
        var chat = caller.Chat;
        if (DossierCodeReader.Read(argument) is not DossierCodeReading.Found found) return CitizenTexts.ReportUsage();
        if (caller.Limits.RefusedUntil(LimitedAttempt.ProblemReport, chat, caller.Input, now) is { } reportsUntil) return CitizenTexts.TooManyReports(reportsUntil);
        var lookup = DossierLookup.Find(session, caller, found.Code.Value, now, rules);
        if (lookup.RefusedUntil is not null) return CitizenTexts.LookupRefused(lookup);
        if (lookup.Dossier is not { } dossier) return CitizenTexts.NotFound(found.Code.Value);
        if (dossier.Status == DossierStatus.Paid) return CitizenTexts.ReportButPaid(dossier);
        caller.Limits.Count(LimitedAttempt.ProblemReport, chat, caller.Input);

        // One open case per dossier and reason: whoever else reports it waits on the same case, and support hears of it once.
        if (session.SupportCases.OpenFor(dossier.Code).FirstOrDefault(c => c.Kind == SupportReason.Reported) is { } open)
        {
            if (!open.AddReporter(chat.Key)) return CitizenTexts.ReportAlreadyOpen(dossier.Code);
            session.SupportCases.Save(open);
            return CitizenTexts.ReportJoined(dossier.Code);
        }

        var unsettled = RequestChecks(session, dossier.Code, now);
        var report = SupportCase.Open(dossier.Code, chat.Key, unsettled, now);
        if (unsettled.Count > 0)
        {
            session.SupportCases.Save(report);
            return CitizenTexts.ReportChecking(dossier.Code);
        }
        HandToSupport(session, report, dossier, SupportReasons.ReportedByCitizen, now);
        return CitizenTexts.ReportWithSupport(dossier.Code);
    }

    /// <summary>The dossier was paid: every open case about it is settled, and whoever waits on it is told.</summary>
    public void DossierPaid(IStoreSession session, Dossier dossier, DateTimeOffset now)
    {
        foreach (var report in session.SupportCases.OpenFor(dossier.Code))
        {
            report.Resolve("đã xác nhận thanh toán", now);
            session.SupportCases.Save(report);
            foreach (var reporter in report.Reporters())
                session.ChatLog.Send(ChatAddress.FromKey(reporter), CitizenTexts.ReportResolvedPaid(dossier.Code), now);
            if (report.ReachedSupport) TellSupport(session, StaffTexts.CaseResolved(dossier.Code), now);
        }
    }

    /// <summary>The gateway answered about an attempt; a case with nothing left to check and still no payment goes to support.</summary>
    public void Checked(IStoreSession session, string dossierCode, string paymentId, DateTimeOffset now)
    {
        var dossier = session.Dossiers.Find(dossierCode);
        if (dossier is null) return;
        foreach (var report in session.SupportCases.OpenFor(dossierCode).Where(c => c.State == SupportCaseState.Checking))
        {
            if (!report.Checked(paymentId))
            {
                session.SupportCases.Save(report);
                continue;
            }
            HandToSupport(session, report, dossier, report.Reason ?? SupportReasons.ReportedByCitizen, now);
            foreach (var reporter in report.Reporters())
                session.ChatLog.Send(ChatAddress.FromKey(reporter), CitizenTexts.ReportWithSupport(dossierCode), now);
        }
    }

    /// <summary>
    /// Opens a case straight with support: something ChatPay found needs a person. An open case of the same reason
    /// for the dossier takes the new finding instead (support is told of it, since it is about other money).
    /// </summary>
    /// <returns>The case the finding went to.</returns>
    public SupportCase Escalate(IStoreSession session, Dossier dossier, SupportReason kind, string detail, DateTimeOffset now)
    {
        if (session.SupportCases.OpenFor(dossier.Code).FirstOrDefault(c => c.Kind == kind && c.State == SupportCaseState.WithSupport) is { } open)
        {
            if (!open.AddDetail(detail)) return open;
            session.SupportCases.Save(open);
            TellSupport(session, StaffTexts.CaseForSupport(dossier.Code, DossierHistory.Describe(session, dossier), detail, Owed(session, dossier)), now);
            return open;
        }
        var report = SupportCase.Open(dossier.Code, null, [], now, kind);
        report.AddDetail(detail);
        HandToSupport(session, report, dossier, detail, now);
        return report;
    }

    /// <summary>Support asks the gateway again about a dossier's unsettled attempts; the result comes back to support.</summary>
    public OutgoingMessage Recheck(IStoreSession session, ChatAddress chat, string dossierCode, DateTimeOffset now)
    {
        if (!session.Enrollments.OfChat(chat.Key).Any(e => e.Role == StaffRole.Support)) return StaffTexts.SupportOnly();
        var unsettled = RequestChecks(session, dossierCode, now);
        if (unsettled.Count == 0) return StaffTexts.NothingToRecheck(dossierCode);

        var cases = session.SupportCases.OpenFor(dossierCode);
        if (cases.Count == 0) cases = [SupportCase.Open(dossierCode, null, [], now)];
        foreach (var open in cases)
        {
            open.Recheck(unsettled);
            session.SupportCases.Save(open);
        }
        return StaffTexts.Rechecking(dossierCode);
    }

    private static List<string> RequestChecks(IStoreSession session, string dossierCode, DateTimeOffset now)
    {
        var unsettled = session.Payments.OfDossier(dossierCode).Where(p => p.IsUnsettled).ToList();
        foreach (var payment in unsettled)
        {
            payment.RequestCheck(now);
            session.Payments.Save(payment);
        }
        return [.. unsettled.Select(p => p.Id)];
    }

    private static void HandToSupport(IStoreSession session, SupportCase report, Dossier dossier, string reason, DateTimeOffset now)
    {
        report.HandToSupport(reason);
        session.SupportCases.Save(report);
        TellSupport(session, StaffTexts.CaseForSupport(dossier.Code, DossierHistory.Describe(session, dossier), reason, Owed(session, dossier)), now);
    }

    /// <summary>A "Hoàn tiền" button for each attempt whose money does not pay the request and is not refunded yet.</summary>
    private static IEnumerable<ChoiceButton> Owed(IStoreSession session, Dossier dossier) =>
        session.Payments.OfDossier(dossier.Code)
            .Where(p => p.State == PaymentState.Succeeded && (p.Id != dossier.PaidByPaymentId || dossier.Status == DossierStatus.Withdrawn))
            .Select(p => (Payment: p, Left: RefundDesk.Refundable(session, p)))
            .Where(p => p.Left > 0)
            .Select(p => RefundTexts.Ask(p.Payment, p.Left))
            .ToList();

    private static void TellSupport(IStoreSession session, OutgoingMessage message, DateTimeOffset now)
    {
        foreach (var support in session.Enrollments.Find(StaffRole.Support, ""))
            session.ChatLog.Send(ChatAddress.FromKey(support.ChatKey), message, now);
    }
}
