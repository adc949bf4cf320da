using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Support;

/// <summary>
/// "I paid but it says unpaid" (/baoloi): the gateway is asked about the dossier's unsettled attempts at once;
/// what it cannot settle goes to support with the dossier's history, and the citizen is told each step.
/// </summary>
internal sealed class ProblemReports
{
    public void Report(IStoreSession session, ChatAddress chat, string argument, DateTimeOffset now) =>
        session.ChatLog.Send(chat, Open(session, chat, argument, now), now);

    private OutgoingMessage Open(IStoreSession session, ChatAddress chat, string argument, DateTimeOffset now)
    {
        if (DossierCodeReader.Read(argument) is not DossierCodeReading.Found found) return CitizenTexts.ReportUsage();
        var dossier = session.Dossiers.Find(found.Code.Value);
        if (dossier is null) return CitizenTexts.NotFound(found.Code.Value);
        if (dossier.Status == DossierStatus.Paid) return CitizenTexts.ReportButPaid(dossier);
        if (session.SupportCases.OpenFor(dossier.Code).Any(c => c.ReporterChatKey == chat.Key)) return CitizenTexts.ReportAlreadyOpen(dossier.Code);

        var unsettled = session.Payments.OfDossier(dossier.Code).Where(p => p.IsUnsettled).ToList();
        var report = SupportCase.Open(dossier.Code, chat.Key, unsettled.Select(p => p.Id), now);
        foreach (var payment in unsettled)
        {
            payment.RequestCheck(now);
            session.Payments.Save(payment);
        }
        if (unsettled.Count > 0)
        {
            session.SupportCases.Save(report);
            return CitizenTexts.ReportChecking(dossier.Code);
        }
        HandToSupport(session, report, dossier, now);
        return CitizenTexts.ReportWithSupport(dossier.Code);
    }

    /// <summary>The dossier was paid: every open report about it is settled, and its reporter told.</summary>
    public void DossierPaid(IStoreSession session, Dossier dossier, DateTimeOffset now)
    {
        foreach (var report in session.SupportCases.OpenFor(dossier.Code))
        {
            report.Resolve("đã xác nhận thanh toán", now);
            session.SupportCases.Save(report);
            session.ChatLog.Send(ChatAddress.FromKey(report.ReporterChatKey), CitizenTexts.ReportResolvedPaid(dossier.Code), now);
        }
    }

    /// <summary>The gateway answered about an attempt; a report with nothing left to check and no payment goes to support.</summary>
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
            HandToSupport(session, report, dossier, now);
            session.ChatLog.Send(ChatAddress.FromKey(report.ReporterChatKey), CitizenTexts.ReportWithSupport(dossierCode), now);
        }
    }

    /// <summary>Opens a case for support without a citizen's report: the gateway stayed silent about an attempt for too long.</summary>
    public void Escalate(IStoreSession session, Dossier dossier, string reason, DateTimeOffset now)
    {
        var notice = StaffTexts.CaseForSupport(DossierHistory.Describe(session, dossier), reason);
        foreach (var support in session.Enrollments.Find(StaffRole.Support, ""))
            session.ChatLog.Send(ChatAddress.FromKey(support.ChatKey), notice, now);
    }

    private void HandToSupport(IStoreSession session, SupportCase report, Dossier dossier, DateTimeOffset now)
    {
        report.HandToSupport();
        session.SupportCases.Save(report);
        Escalate(session, dossier, "Công dân báo đã thanh toán nhưng hồ sơ chưa ghi nhận; cổng thanh toán không xác nhận được.", now);
    }
}
