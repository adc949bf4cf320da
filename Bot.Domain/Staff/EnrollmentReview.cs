using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Staff;

/// <summary>
/// Run at start: an enrolment made with a code that is no longer in force (the agency's or support's code was
/// changed, or the agency removed) ends, and its chat is told. Enrolments from before fingerprints were kept take
/// the code in force now.
/// </summary>
public sealed class EnrollmentReview(IChatPayStore store, TimeProvider clock, ChatPayRules rules)
{
    /// <summary>Returns how many enrolments ended.</summary>
    public int EndStale() => store.Write(session =>
    {
        var now = clock.GetUtcNow();
        var ended = 0;
        foreach (var enrollment in session.Enrollments.All())
        {
            var current = EnrollmentCodes.CurrentFor(enrollment, rules.Staff);
            if (current is not null && enrollment.CodeFingerprint is null)
            {
                session.Enrollments.Save(enrollment with { CodeFingerprint = EnrollmentCodes.Fingerprint(current) });
                continue;
            }
            if (current is not null && enrollment.CodeFingerprint == EnrollmentCodes.Fingerprint(current)) continue;

            session.Enrollments.Delete(enrollment.Id);
            var chat = ChatAddress.FromKey(enrollment.ChatKey);
            StaffDesk.Audit(session, chat, "doima", true, enrollment.Role, enrollment.AgencyCode, null, now);
            session.ChatLog.Send(chat, StaffTexts.CodeChanged(enrollment, rules.Staff), now);
            ended++;
        }
        return ended;
    });
}
