using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Staff;

/// <summary>
/// Who is enrolled, for the staff who may know it — support sees every enrolment, an officer those of their own
/// agencies — and ending one (a colleague who left, a chat that should never have had the code).
/// </summary>
internal static class EnrollmentRoster
{
    public static OutgoingMessage List(IStoreSession session, ChatAddress chat, StaffRules rules)
    {
        var own = session.Enrollments.OfChat(chat.Key);
        if (own.Count == 0) return StaffTexts.NotEnrolled();
        return StaffTexts.Roster(Visible(session, own), rules);
    }

    public static OutgoingMessage End(IStoreSession session, ChatAddress chat, string handle, string? senderName, DateTimeOffset now)
    {
        var own = session.Enrollments.OfChat(chat.Key);
        if (own.Count == 0) return StaffTexts.NotEnrolled();
        var target = Visible(session, own).FirstOrDefault(e => string.Equals(e.Handle, handle.Trim(), StringComparison.OrdinalIgnoreCase));
        if (target is null) return StaffTexts.NoSuchEnrollment(handle.Trim());

        session.Enrollments.Delete(target.Id);
        StaffDesk.Audit(session, ChatAddress.FromKey(target.ChatKey), "ketthuc", true, target.Role, target.AgencyCode, senderName, now);
        if (target.ChatKey != chat.Key) session.ChatLog.Send(ChatAddress.FromKey(target.ChatKey), StaffTexts.EnrollmentEndedByColleague(), now);
        return StaffTexts.EnrollmentEnded(target);
    }

    private static List<Enrollment> Visible(IStoreSession session, IReadOnlyList<Enrollment> own)
    {
        if (own.Any(e => e.Role == StaffRole.Support)) return [.. session.Enrollments.All().OrderBy(e => e.Role).ThenBy(e => e.AgencyCode).ThenBy(e => e.EnrolledAt)];
        var agencies = own.Select(e => e.AgencyCode).ToHashSet();
        return [.. agencies.SelectMany(a => session.Enrollments.Find(StaffRole.Officer, a)).OrderBy(e => e.AgencyCode).ThenBy(e => e.EnrolledAt)];
    }
}
