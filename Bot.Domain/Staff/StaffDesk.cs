using ChatPay.Domain.Chats;
using ChatPay.Domain.Security;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Staff;

/// <summary>Commands officers and support use to enrol a chat for alerts, and to leave.</summary>
internal sealed class StaffDesk(ChatPayRules rules)
{
    public bool TryHandle(IStoreSession session, ChatAddress chat, ChatCommand command, DateTimeOffset now)
    {
        switch (command.Name)
        {
            case "/dangky":
                session.ChatLog.Send(chat, Enroll(session, chat, command.Argument, now), now);
                return true;
            case "/huydangky":
                session.ChatLog.Send(chat, Leave(session, chat), now);
                return true;
            default:
                return false;
        }
    }

    private OutgoingMessage Enroll(IStoreSession session, ChatAddress chat, string code, DateTimeOffset now)
    {
        if (code.Length == 0) return StaffTexts.EnrollUsage();

        if (Secrets.Equal(code, rules.SupportEnrollmentCode))
        {
            session.Enrollments.Save(NewEnrollment(chat, StaffRole.Support, "", now));
            return StaffTexts.EnrolledAsSupport();
        }
        // Every agency's code is compared, so the time taken says nothing about which one matched.
        var agency = rules.Agencies.Aggregate((Agency?)null, (found, a) => Secrets.Equal(code, a.EnrollmentCode) ? a : found);
        if (agency is null) return StaffTexts.WrongEnrollmentCode();

        session.Enrollments.Save(NewEnrollment(chat, StaffRole.Officer, agency.Code, now));
        return StaffTexts.EnrolledAsOfficer(agency);
    }

    private static OutgoingMessage Leave(IStoreSession session, ChatAddress chat)
    {
        var enrollments = session.Enrollments.OfChat(chat.Key);
        foreach (var enrollment in enrollments) session.Enrollments.Delete(enrollment.Id);
        return enrollments.Count == 0 ? StaffTexts.NotEnrolled() : StaffTexts.Unenrolled();
    }

    private static Enrollment NewEnrollment(ChatAddress chat, StaffRole role, string agencyCode, DateTimeOffset now) => new()
    {
        Id = Enrollment.IdFor(chat.Key, role, agencyCode),
        ChatKey = chat.Key,
        Role = role,
        AgencyCode = agencyCode,
        EnrolledAt = now,
    };
}
