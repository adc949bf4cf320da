using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Staff;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

/// <summary>Enrolments can be seen, ended by colleagues, and end by themselves when their code is changed.</summary>
[Trait("Tier", "Unit")]
public class EnrollmentManagementTests : IDisposable
{
    private static readonly ChatAddress Support = new(TelegramChannel.Name, "-2001");
    private static readonly ChatAddress Officer = new(TelegramChannel.Name, "-1001");
    private static readonly ChatAddress Intruder = new(WebChatIdentity.Channel, "intruder");
    private readonly Desk _desk = new();

    public void Dispose() => _desk.Dispose();

    private Enrollment EnrollmentOf(ChatAddress chat) => Assert.Single(_desk.Store.Read(session => session.Enrollments.OfChat(chat.Key)));

    [Fact]
    public void A_new_enrolment_is_announced_to_support_with_the_handle_to_end_it()
    {
        _desk.Say($"/dangky {Desk.SupportCode}", Support);

        _desk.Say($"/dangky {Desk.SupportCode}", Intruder);

        var intruder = EnrollmentOf(Intruder);
        Assert.Equal(StaffTexts.ColleagueEnrolled(intruder, null).Text, _desk.LastReply(Support));
        Assert.Contains(intruder.Handle, _desk.LastReply(Intruder));
        Assert.Equal(EnrollmentCodes.Fingerprint(Desk.SupportCode), intruder.CodeFingerprint);
        _desk.Say($"/dangky {Desk.OfficerCode}", Officer);
        Assert.Equal(StaffTexts.ColleagueEnrolled(EnrollmentOf(Officer), Desk.Rules.Staff.Agency(Desk.AgencyCode)).Text, _desk.LastReply(Support));
    }

    [Fact]
    public void Officer_chats_of_an_agency_are_not_told_of_each_other()
    {
        var second = new ChatAddress(TelegramChannel.Name, "-1002");
        _desk.Say($"/dangky {Desk.OfficerCode}", Officer);
        var before = _desk.Log(Officer).Count;

        _desk.Say($"/dangky {Desk.OfficerCode}", second);

        Assert.Equal(before, _desk.Log(Officer).Count);
    }

    [Fact]
    public void Support_lists_every_enrolment_and_ends_another_chats_which_is_told()
    {
        _desk.Say($"/dangky {Desk.SupportCode}", Support);
        _desk.Say($"/dangky {Desk.OfficerCode}", Officer);
        _desk.Say($"/dangky {Desk.SupportCode}", Intruder);
        var intruder = EnrollmentOf(Intruder);

        _desk.Say("/dsdangky", Support);
        Assert.Contains(intruder.Handle, _desk.LastReply(Support));
        Assert.Contains(EnrollmentOf(Officer).Handle, _desk.LastReply(Support));

        _desk.Say($"/huydangky {intruder.Handle.ToLowerInvariant()}", Support);

        Assert.Empty(_desk.Store.Read(session => session.Enrollments.OfChat(Intruder.Key)));
        Assert.Equal(StaffTexts.EnrollmentEnded(intruder).Text, _desk.LastReply(Support));
        Assert.Equal(StaffTexts.EnrollmentEndedByColleague().Text, _desk.LastReply(Intruder));
    }

    [Fact]
    public void An_officer_sees_and_ends_only_enrolments_of_their_own_agency()
    {
        _desk.Say($"/dangky {Desk.SupportCode}", Support);
        _desk.Say($"/dangky {Desk.OfficerCode}", Officer);
        var support = EnrollmentOf(Support);

        _desk.Say("/dsdangky", Officer);
        Assert.DoesNotContain(support.Handle, _desk.LastReply(Officer));

        _desk.Say($"/huydangky {support.Handle}", Officer);

        Assert.Equal(StaffTexts.NoSuchEnrollment(support.Handle).Text, _desk.LastReply(Officer));
        Assert.Single(_desk.Store.Read(session => session.Enrollments.OfChat(Support.Key)));
    }

    [Fact]
    public void A_chat_that_is_not_enrolled_can_neither_list_nor_end_enrolments()
    {
        _desk.Say($"/dangky {Desk.SupportCode}", Support);

        _desk.Say("/dsdangky", Intruder);
        Assert.Equal(StaffTexts.NotEnrolled().Text, _desk.LastReply(Intruder));
        _desk.Say($"/huydangky {EnrollmentOf(Support).Handle}", Intruder);

        Assert.Single(_desk.Store.Read(session => session.Enrollments.OfChat(Support.Key)));
    }

    [Fact]
    public void Changing_a_code_ends_the_enrolments_made_with_the_old_one_and_tells_their_chats()
    {
        _desk.Say($"/dangky {Desk.SupportCode}", Support);
        _desk.Say($"/dangky {Desk.OfficerCode}", Officer);
        var changed = Desk.Rules with { Staff = Desk.Rules.Staff with { SupportEnrollmentCode = "A-NEW-SUPPORT-CODE-0001" } };

        Assert.Equal(1, new EnrollmentReview(_desk.Store, _desk.Clock, changed).EndStale());

        Assert.Empty(_desk.Store.Read(session => session.Enrollments.OfChat(Support.Key)));
        Assert.Single(_desk.Store.Read(session => session.Enrollments.OfChat(Officer.Key)));
        Assert.Equal(StaffTexts.CodeChanged(new Enrollment { Id = "", ChatKey = Support.Key, Role = StaffRole.Support, AgencyCode = "", EnrolledAt = default }, changed.Staff).Text,
            _desk.LastReply(Support));
        Assert.Equal(0, new EnrollmentReview(_desk.Store, _desk.Clock, changed).EndStale());
    }

    [Fact]
    public void An_agency_removed_from_the_settings_ends_its_officers_enrolments()
    {
        _desk.Say($"/dangky {Desk.OfficerCode}", Officer);
        var removed = Desk.Rules with { Staff = Desk.Rules.Staff with { Agencies = [.. Desk.Rules.Staff.Agencies.Where(a => a.Code != Desk.AgencyCode)] } };

        Assert.Equal(1, new EnrollmentReview(_desk.Store, _desk.Clock, removed).EndStale());
        Assert.Empty(_desk.Store.Read(session => session.Enrollments.OfChat(Officer.Key)));
    }
}
