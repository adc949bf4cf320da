using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Security;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;

namespace ChatPay.Domain.Staff;

/// <summary>
/// What officers and support do in a chat: enrol (/dangky), see who is enrolled (/dsdangky), leave or end an
/// enrolment (/huydangky), look a dossier up (/tracuu), and press staff buttons.
/// </summary>
internal sealed class StaffDesk(ChatPayRules rules, IPublicLinks links, IAttemptLimits limits)
{
    private readonly Alerts _alerts = new(rules, links);
    private readonly ProblemReports _reports = new();
    private readonly DailySummaries _summaries = new(rules, links);
    private readonly RefundDesk _refunds = new();

    public bool TryHandle(IStoreSession session, ChatAddress chat, ChatCommand command, ChatInput input, DateTimeOffset now)
    {
        OutgoingMessage? reply = command.Spec?.Action switch
        {
            CommandAction.Enroll => Enroll(session, chat, command.Argument, input, now),
            CommandAction.Roster => EnrollmentRoster.List(session, chat, rules.Staff),
            CommandAction.Unenroll => command.Argument.Length == 0
                ? Leave(session, chat, input.SenderName, now)
                : EnrollmentRoster.End(session, chat, command.Argument, input.SenderName, now),
            CommandAction.Lookup => Lookup(session, chat, command.Argument, input, now),
            CommandAction.Reconcile => _summaries.Ask(session, chat, command.Argument, now),
            _ => null,
        };
        if (reply is null) return false;
        session.ChatLog.Send(chat, reply, now);
        return true;
    }

    public void Press(IStoreSession session, ChatAddress chat, StaffButton button, PressInput press, DateTimeOffset now)
    {
        var reply = button.Action == StaffAction.Claim
            ? _alerts.Claim(session, chat, button.DossierCode, press.SenderName, press.InGroup, now)
            : _reports.Recheck(session, chat, button.DossierCode, now);
        if (reply is not null) session.ChatLog.Send(chat, reply, now);
    }

    /// <summary>"Hoàn tiền" (support asks), "Duyệt hoàn tiền" / "Từ chối" (the second person decides).</summary>
    public void PressRefund(IStoreSession session, ChatAddress chat, RefundButton button, PressInput press, DateTimeOffset now)
    {
        OutgoingMessage? reply;
        if (button.Action != RefundAction.Ask) reply = _refunds.Decide(session, chat, button.Id, button.Action == RefundAction.Approve, press.SenderName, now);
        else if (!session.Enrollments.OfChat(chat.Key).Any(e => e.Role == StaffRole.Support)) reply = StaffTexts.SupportOnly();
        else
        {
            var reason = session.Payments.Find(button.Id)?.Flag switch
            {
                Payments.PaymentFlag.LateSuccess => "Tiền về sau khi liên kết thanh toán đã đóng",
                _ => "Tiền thu trùng, hoặc của yêu cầu đã thay đổi hay đã thu hồi",
            };
            var name = string.IsNullOrWhiteSpace(press.SenderName) ? "bộ phận hỗ trợ" : press.SenderName.Trim();
            reply = _refunds.Request(session, button.Id, null, reason, chat.Key, name, null, now) switch
            {
                RefundDesk.Outcome.Created created => RefundTexts.Requested(created.Refund),
                RefundDesk.Outcome.TooMuch tooMuch => RefundTexts.TooMuch(tooMuch.Left),
                _ => RefundTexts.NotRefundable(button.Id),
            };
        }
        if (reply is not null) session.ChatLog.Send(chat, reply, now);
    }

    private OutgoingMessage Enroll(IStoreSession session, ChatAddress chat, string code, ChatInput input, DateTimeOffset now)
    {
        if (code.Length == 0) return StaffTexts.EnrollUsage();

        var failures = session.Enrollments.AuditOf(chat.Key, now - StaffRules.FailureWindow).Where(a => a is { Action: "dangky", Succeeded: false }).ToList();
        if (failures.Count >= StaffRules.MaxFailures)
            return StaffTexts.TooManyWrongCodes(failures.Min(a => a.At) + StaffRules.FailureWindow - now);
        // New chats cost nothing, so wrong codes are also limited per client address and in total.
        if (limits.RefusedUntil(LimitedAttempt.WrongEnrollmentCode, chat, input, now) is { } until) return StaffTexts.TooManyWrongCodes(until - now);

        var (role, agency) = Match(code);
        Audit(session, chat, "dangky", role is not null, role, agency?.Code, input.SenderName, now);
        if (role is null)
        {
            limits.Count(LimitedAttempt.WrongEnrollmentCode, chat, input);
            return StaffTexts.WrongEnrollmentCode();
        }

        var enrollment = new Enrollment
        {
            Id = Enrollment.IdFor(chat.Key, role.Value, agency?.Code ?? ""),
            ChatKey = chat.Key,
            Role = role.Value,
            AgencyCode = agency?.Code ?? "",
            EnrolledAt = now,
            EnrolledBy = input.SenderName,
            CodeFingerprint = EnrollmentCodes.Fingerprint(code),
        };
        var colleagues = session.Enrollments.Find(enrollment.Role, enrollment.AgencyCode).Where(e => e.ChatKey != chat.Key).ToList();
        session.Enrollments.Save(enrollment);
        // Support hears of every new enrolment, so a leaked code is noticed and the chat can be ended. (Only support: telling
        // every officer chat of every other would grow with the square of an agency's chats.)
        foreach (var watcher in session.Enrollments.Find(StaffRole.Support, "").Where(e => e.ChatKey != chat.Key))
            session.ChatLog.Send(ChatAddress.FromKey(watcher.ChatKey), StaffTexts.ColleagueEnrolled(enrollment, agency), now);
        var enrolled = agency is null ? StaffTexts.EnrolledAsSupport() : StaffTexts.EnrolledAsOfficer(agency);
        return enrolled with { Text = enrolled.Text + "\n\n" + StaffTexts.Roster(colleagues.Append(enrollment), rules.Staff, StaffTexts.RosterInReply).Text };
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

    /// <summary>
    /// Support and the agency's officers see the whole history; anyone else a short status with personal data masked,
    /// and their unknown codes count in the same look-up limits as typed ones.
    /// </summary>
    private OutgoingMessage Lookup(IStoreSession session, ChatAddress chat, string argument, ChatInput input, DateTimeOffset now)
    {
        if (DossierCodeReader.Read(argument) is not DossierCodeReading.Found found) return StaffTexts.LookupUsage();
        var roles = session.Enrollments.OfChat(chat.Key);
        Dossier? dossier;
        if (roles.Any(e => e.Role == StaffRole.Support)) dossier = session.Dossiers.Find(found.Code.Value);
        else
        {
            var lookup = DossierLookup.Find(session, new LookupCaller(chat, input, limits), found.Code.Value, now, rules.CodeLookups);
            if (lookup.RefusedUntil is not null) return CitizenTexts.LookupRefused(lookup);
            dossier = lookup.Dossier;
        }
        if (dossier is null) return CitizenTexts.NotFound(found.Code.Value);

        var mayReadAll = roles.Any(e => e.Role == StaffRole.Support || e.AgencyCode == dossier.AgencyCode);
        return mayReadAll ? new OutgoingMessage(DossierHistory.Describe(session, dossier)) : CitizenTexts.ShortStatus(dossier);
    }

    internal static void Audit(IStoreSession session, ChatAddress chat, string action, bool succeeded, StaffRole? role, string? agencyCode, string? senderName, DateTimeOffset now) =>
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
