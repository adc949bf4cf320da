using ChatPay.Bot.Channels.Telegram;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Staff;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

[Trait("Tier", "Unit")]
public class StaffEnrollmentTests : IDisposable
{
    private readonly Desk _desk = new();

    public void Dispose() => _desk.Dispose();

    private IReadOnlyList<Enrollment> EnrollmentsOf(ChatAddress chat) => _desk.Store.Read(s => s.Enrollments.OfChat(chat.Key));

    [Fact]
    public void The_agency_code_enrols_a_chat_as_its_officer()
    {
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);

        var enrollment = Assert.Single(EnrollmentsOf(Desk.Officer));
        Assert.Equal(StaffRole.Officer, enrollment.Role);
        Assert.Equal(Desk.AgencyCode, enrollment.AgencyCode);
        Assert.StartsWith(StaffTexts.EnrolledAsOfficer(Desk.Rules.Staff.Agency(Desk.AgencyCode)!).Text, _desk.LastReply(Desk.Officer));
    }

    [Fact]
    public void An_enrolment_code_is_never_kept_in_the_chats_history_in_clear()
    {
        _desk.Say($"/dangky@ChatPayBot {Desk.OfficerCode}", Desk.Officer);
        _desk.Say($"/dangky WRONG-CODE-1234567890", Desk.Officer);

        Assert.Single(EnrollmentsOf(Desk.Officer));
        var typed = _desk.Log(Desk.Officer).Where(e => !e.Outgoing).Select(e => e.Text).ToList();
        Assert.Equal([$"/dangky {ChatDesk.HiddenCode}", $"/dangky {ChatDesk.HiddenCode}"], typed);
        Assert.DoesNotContain(_desk.Log(Desk.Officer), e => e.Text.Contains(Desk.OfficerCode) || e.Text.Contains("WRONG-CODE"));
    }

    [Fact]
    public void Enrolling_twice_keeps_one_enrollment()
    {
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
        _desk.Say($"/dangky@ChatPayBot {Desk.OfficerCode}", Desk.Officer);

        Assert.Single(EnrollmentsOf(Desk.Officer));
    }

    [Fact]
    public void The_support_code_enrols_support()
    {
        _desk.Say($"/dangky {Desk.SupportCode}", Desk.Officer);

        Assert.Equal(StaffRole.Support, Assert.Single(EnrollmentsOf(Desk.Officer)).Role);
    }

    [Theory]
    [InlineData("/dangky WRONG-CODE")]
    [InlineData("/dangky officer-h4210")]
    [InlineData("/dangky OFFICER-H4210x")]
    public void A_wrong_code_enrols_nothing(string text)
    {
        _desk.Say(text, Desk.Officer);

        Assert.Empty(EnrollmentsOf(Desk.Officer));
        Assert.Equal(StaffTexts.WrongEnrollmentCode().Text, _desk.LastReply(Desk.Officer));
    }

    [Fact]
    public void Enrolling_without_a_code_explains_the_syntax()
    {
        _desk.Say("/dangky", Desk.Officer);

        Assert.Equal(StaffTexts.EnrollUsage().Text, _desk.LastReply(Desk.Officer));
    }

    [Fact]
    public void Leaving_removes_every_enrollment_of_the_chat()
    {
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
        _desk.Say("/dangky OFFICER-H4227", Desk.Officer);

        _desk.Say("/huydangky", Desk.Officer);

        Assert.Empty(EnrollmentsOf(Desk.Officer));
        _desk.Say("/huydangky", Desk.Officer);
        Assert.Equal(StaffTexts.NotEnrolled().Text, _desk.LastReply(Desk.Officer));
    }

    [Fact]
    public void Only_officers_of_the_dossiers_agency_are_alerted()
    {
        var otherAgency = new ChatAddress(TelegramChannel.Name, "-1002");
        _desk.AddDossier();
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
        _desk.Say("/dangky OFFICER-H4227", otherAgency);

        _desk.Settlement.Settle(_desk.Paid(_desk.PayLink()));

        var alert = StaffTexts.PaidAlert(_desk.Dossier("H42.10-261125-0001"), _desk.ReceiptOf()!, "").Text;
        Assert.Equal(alert, _desk.LastReply(Desk.Officer));
        Assert.DoesNotContain(_desk.Log(otherAgency), e => e.Text == alert);
    }
}
