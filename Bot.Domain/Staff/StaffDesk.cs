using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Security;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;

namespace ChatPay.Domain.Staff;

/// <summary>What officers and support do in a chat: enrol (/dangky, /huydangky), look a dossier up (/tracuu), and press staff buttons.</summary>
internal sealed class StaffDesk(ChatPayRules rules, IPublicLinks links)
{
    private readonly Alerts _alerts = new(rules, links);
    private readonly ProblemReports _reports = new();

    public bool TryHandle(IStoreSession session, ChatAddress chat, ChatCommand command, string? senderName, DateTimeOffset now)
    {
        OutgoingMessage? reply = command.Name switch
        {
            "/dangky" => Enroll(session, chat, command.Argument, senderName, now),
            "/huydangky" => Leave(session, chat, senderName, now),
            "/tracuu" => Lookup(session, chat, command.Argument),
            _ => null,
        };
        if (reply is null) return false;
        session.ChatLog.Send(chat, reply, now);
        return true;
    }

    public void Press(IStoreSession session, ChatAddress chat, StaffButton button, string? senderName, DateTimeOffset now)
    {
        var reply = button.Action == StaffAction.Claim
            ? _alerts.Claim(session, chat, button.DossierCode, senderName, now)
            : _reports.Recheck(session, chat, button.DossierCode, now);
        if (reply is not null) session.ChatLog.Send(chat, reply, now);
    }

    private OutgoingMessage Enroll(IStoreSession session, ChatAddress chat, string code, string? senderName, DateTimeOffset now)
    {
        if (code.Length == 0) return StaffTexts.EnrollUsage();

        var failures = session.Enrollments.AuditOf(chat.Key, now - StaffRules.FailureWindow).Where(a => a is { Action: "dangky", Succeeded: false }).ToList();
        if (failures.Count >= StaffRules.MaxFailures)
            return StaffTexts.TooManyWrongCodes(failures.Min(a => a.At) + StaffRules.FailureWindow - now);

        var (role, agency) = Match(code);
        Audit(session, chat, "dangky", role is not null, role, agency?.Code, senderName, now);
        if (role is null) return StaffTexts.WrongEnrollmentCode();

        session.Enrollments.Save(new Enrollment
        {
            Id = Enrollment.IdFor(chat.Key, role.Value, agency?.Code ?? ""),
            ChatKey = chat.Key,
            Role = role.Value,
            AgencyCode = agency?.Code ?? "",
            EnrolledAt = now,
        });
        return agency is null ? StaffTexts.EnrolledAsSupport() : StaffTexts.EnrolledAsOfficer(agency);
    }

    /// <summary>Every code is compared, in constant time, so the time taken says nothing about which one matched.</summary>
    private (StaffRole? Role, Agency? Agency) Match(string code)
    {
        var agency = rules.Staff.Agencies.Aggregate((Agency?)null, (found, a) => Secrets.Equal(code, a.EnrollmentCode) ? a : found);
        var support = Secrets.Equal(code, rules.Staff.SupportEnrollmentCode);
        if (agency is not null) return (StaffRole.Officer, agency);
        return support ? (StaffRole.Support, null) : (null, null);
    }

    private static OutgoingMessage Leave(IStoreSession session, ChatAddress chat, string? senderName, DateTimeOffset now)
    {
        var enrollments = session.Enrollments.OfChat(chat.Key);
        foreach (var enrollment in enrollments) session.Enrollments.Delete(enrollment.Id);
        Audit(session, chat, "huydangky", enrollments.Count > 0, null, null, senderName, now);
        return enrollments.Count == 0 ? StaffTexts.NotEnrolled() : StaffTexts.Unenrolled();
    }

    /// <summary>Support and the agency's officers see the whole history; anyone else a short status with personal data masked.</summary>
    private static OutgoingMessage Lookup(IStoreSession session, ChatAddress chat, string argument)
    {
        if (DossierCodeReader.Read(argument) is not DossierCodeReading.Found found) return StaffTexts.LookupUsage();
        var dossier = session.Dossiers.Find(found.Code.Value);
        if (dossier is null) return CitizenTexts.NotFound(found.Code.Value);

        var roles = session.Enrollments.OfChat(chat.Key);
        var mayReadAll = roles.Any(e => e.Role == StaffRole.Support || e.AgencyCode == dossier.AgencyCode);
        return mayReadAll ? new OutgoingMessage(DossierHistory.Describe(session, dossier)) : CitizenTexts.ShortStatus(dossier);
    }

    private static void Audit(IStoreSession session, ChatAddress chat, string action, bool succeeded, StaffRole? role, string? agencyCode, string? senderName, DateTimeOffset now) =>
        session.Enrollments.Audit(new EnrollmentAttempt
        {
            Id = Guid.NewGuid().ToString("N"),
            ChatKey = chat.Key,
            At = now,
            Action = action,
            Succeeded = succeeded,
            Role = role?.ToString(),
            AgencyCode = agencyCode,
            SenderName = senderName,
        });
}
