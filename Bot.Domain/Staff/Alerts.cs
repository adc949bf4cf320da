using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Staff;

/// <summary>
/// "Paid — ready to process" alerts to every officer chat of the dossier's agency. They are written in the step
/// that records the payment, so none is lost or sent twice; the first officer to press "Tiếp nhận" takes the
/// dossier and every copy shows who did; unclaimed dossiers are reminded.
/// </summary>
internal sealed class Alerts(ChatPayRules rules, IPublicLinks links)
{
    public void PaymentCleared(IStoreSession session, Dossier dossier, Receipt receipt, DateTimeOffset now)
    {
        var alert = StaffTexts.PaidAlert(dossier, receipt, links.ReceiptUrl(receipt));
        foreach (var officer in session.Enrollments.Find(StaffRole.Officer, dossier.AgencyCode))
            session.ChatLog.Send(ChatAddress.FromKey(officer.ChatKey), alert, now, MessageTopic.Alert(dossier.Code));
    }

    public OutgoingMessage? Claim(IStoreSession session, ChatAddress chat, string dossierCode, string? senderName, bool inGroup, DateTimeOffset now)
    {
        var dossier = session.Dossiers.Find(dossierCode);
        if (dossier is null || !IsOfficerOf(session, chat, dossier)) return StaffTexts.NotYourAgency();
        var by = string.IsNullOrWhiteSpace(senderName) ? StaffTexts.SomeOfficer : senderName.Trim();
        if (!dossier.Claim(by, now)) return StaffTexts.AlreadyClaimed(dossier);

        session.Dossiers.Save(dossier);
        foreach (var sent in session.ChatLog.OnTopic(MessageTopic.Alert(dossier.Code)))
            session.ChatLog.Replace(sent.Id, StaffTexts.Claimed(sent.Message, dossier, byThisReader: sent.Chat == chat && !inGroup));
        return null;
    }

    /// <summary>Reminds the officers of paid dossiers nobody took; returns how many dossiers were due.</summary>
    public int Remind(IStoreSession session, DateTimeOffset now, int limit)
    {
        var due = session.Dossiers.DueForReminder(now, limit);
        foreach (var dossier in due)
        {
            var receipt = session.Receipts.Find(dossier.ReceiptId!)!;
            var reminder = StaffTexts.Reminder(dossier, receipt, links.ReceiptUrl(receipt));
            foreach (var officer in session.Enrollments.Find(StaffRole.Officer, dossier.AgencyCode))
                session.ChatLog.Send(ChatAddress.FromKey(officer.ChatKey), reminder, now, MessageTopic.Alert(dossier.Code));
            dossier.Reminded(dossier.RemindersSent + 1 < rules.Staff.MaxReminders ? now + rules.Staff.ReminderAfter : null);
            session.Dossiers.Save(dossier);
        }
        return due.Count;
    }

    public DateTimeOffset? FirstReminderAt(DateTimeOffset paidAt) => rules.Staff.MaxReminders > 0 ? paidAt + rules.Staff.ReminderAfter : null;

    public static bool IsOfficerOf(IStoreSession session, ChatAddress chat, Dossier dossier) =>
        session.Enrollments.OfChat(chat.Key).Any(e => e.Role == StaffRole.Officer && e.AgencyCode == dossier.AgencyCode);
}
