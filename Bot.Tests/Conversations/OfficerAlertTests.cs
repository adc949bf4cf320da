using ChatPay.Bot.Channels.WebChat;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Staff;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

[Trait("Tier", "Unit")]
public class OfficerAlertTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private static readonly ChatAddress SecondOfficer = new(WebChatIdentity.Channel, "officer-2");
    private readonly Desk _desk = new();

    public OfficerAlertTests()
    {
        _desk.AddDossier(Code);
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
        _desk.Say($"/dangky {Desk.OfficerCode}", SecondOfficer);
    }

    public void Dispose() => _desk.Dispose();

    private void Pay() => _desk.Settlement.Settle(_desk.Paid(_desk.OpenedPayment()));

    private void PressAs(ChatAddress chat, string? name)
    {
        var (message, button) = _desk.FindButton("Tiếp nhận", chat);
        _desk.Chats.Handle(chat, new PressInput(button.Payload, message.Id) { SenderName = name });
    }

    [Fact]
    public void Every_officer_chat_of_the_agency_gets_a_claimable_alert()
    {
        Pay();

        foreach (var chat in new[] { Desk.Officer, SecondOfficer })
        {
            var alert = _desk.Log(chat).Last(e => e.Outgoing);
            Assert.StartsWith($"🔔 Hồ sơ {Code} đã thanh toán — sẵn sàng xử lý", alert.Text);
            Assert.Equal(["Tiếp nhận"], alert.Choices.Select(c => c.Label));
        }
    }

    [Fact]
    public void The_first_officer_to_press_takes_the_dossier_reads_that_they_did_and_every_other_copy_says_who()
    {
        Pay();
        _desk.Clock.Advance(TimeSpan.FromMinutes(3));

        PressAs(Desk.Officer, "Lê Đình Nhu");

        var dossier = _desk.Dossier(Code);
        Assert.Equal("Lê Đình Nhu", dossier.ClaimedBy);
        var paid = StaffTexts.PaidAlert(dossier, _desk.ReceiptOf(Code)!, "");
        var mine = _desk.Log(Desk.Officer).Single(e => e.Topic == MessageTopic.Alert(Code).Key);
        var theirs = _desk.Log(SecondOfficer).Single(e => e.Topic == MessageTopic.Alert(Code).Key);
        Assert.Equal(StaffTexts.Claimed(paid, dossier, byThisReader: true).Text, mine.Text);
        Assert.Equal(StaffTexts.Claimed(paid, dossier).Text, theirs.Text);
        Assert.NotEqual(mine.Text, theirs.Text);
        Assert.All([mine, theirs], alert => Assert.Empty(alert.ToMessage().Choices));
    }

    [Fact]
    public void In_a_group_the_copy_of_the_officer_who_pressed_names_them_since_the_whole_group_reads_it()
    {
        Pay();
        var (message, button) = _desk.FindButton("Tiếp nhận", Desk.Officer);

        _desk.Chats.Handle(Desk.Officer, new PressInput(button.Payload, message.Id) { SenderName = "Lê Đình Nhu", InGroup = true });

        var dossier = _desk.Dossier(Code);
        var alert = _desk.Log(Desk.Officer).Single(e => e.Topic == MessageTopic.Alert(Code).Key);
        Assert.Equal(StaffTexts.Claimed(StaffTexts.PaidAlert(dossier, _desk.ReceiptOf(Code)!, ""), dossier).Text, alert.Text);
    }

    [Fact]
    public void A_late_press_is_told_who_took_it_and_changes_nothing()
    {
        Pay();
        var (message, button) = _desk.FindButton("Tiếp nhận", SecondOfficer);
        PressAs(Desk.Officer, "Lê Đình Nhu");

        _desk.Chats.Handle(SecondOfficer, new PressInput(button.Payload, message.Id) { SenderName = "Trần Văn B" });

        Assert.Equal("Lê Đình Nhu", _desk.Dossier(Code).ClaimedBy);
        Assert.Equal(StaffTexts.AlreadyClaimed(_desk.Dossier(Code)).Text, _desk.LastReply(SecondOfficer));
    }

    [Fact]
    public void Two_officers_pressing_at_once_make_one_claim()
    {
        Pay();
        var presses = new[] { (Desk.Officer, "A"), (SecondOfficer, "B") }
            .Select(p => (p.Item1, p.Item2, Button: _desk.FindButton("Tiếp nhận", p.Item1))).ToList();

        Parallel.ForEach(presses, p => _desk.Chats.Handle(p.Item1, new PressInput(p.Button.Button.Payload, p.Button.Entry.Id) { SenderName = p.Item2 }));

        var claimedBy = _desk.Dossier(Code).ClaimedBy;
        Assert.Contains(claimedBy, new[] { "A", "B" });
        var loser = claimedBy == "A" ? SecondOfficer : Desk.Officer;
        Assert.Equal(StaffTexts.AlreadyClaimed(_desk.Dossier(Code)).Text, _desk.LastReply(loser));
    }

    [Fact]
    public void A_chat_that_left_the_agency_cannot_take_its_dossiers()
    {
        Pay();
        _desk.Say("/huydangky", SecondOfficer);

        PressAs(SecondOfficer, "X");

        Assert.Null(_desk.Dossier(Code).ClaimedBy);
        Assert.Equal(StaffTexts.NotYourAgency().Text, _desk.LastReply(SecondOfficer));
    }

    [Fact]
    public void An_unclaimed_dossier_is_reminded_up_to_the_limit()
    {
        Pay();

        _desk.Clock.Advance(TimeSpan.FromMinutes(31));
        _desk.Deadlines.Run();
        Assert.Equal(StaffTexts.Reminder(_desk.Dossier(Code), _desk.ReceiptOf(Code)!, "").Text, _desk.LastReply(Desk.Officer));
        _desk.Clock.Advance(TimeSpan.FromMinutes(31));
        _desk.Deadlines.Run();
        _desk.Clock.Advance(TimeSpan.FromHours(5));
        _desk.Deadlines.Run();

        Assert.Equal(2, _desk.Log(Desk.Officer).Count(e => e.Text.StartsWith("⏰")));
        Assert.Equal(2, _desk.Dossier(Code).RemindersSent);
    }

    [Fact]
    public void A_claim_stops_the_reminders_and_updates_them_too()
    {
        Pay();
        _desk.Clock.Advance(TimeSpan.FromMinutes(31));
        _desk.Deadlines.Run();

        PressAs(SecondOfficer, "Lê Đình Nhu");
        _desk.Clock.Advance(TimeSpan.FromHours(2));
        _desk.Deadlines.Run();

        Assert.Single(_desk.Log(Desk.Officer), e => e.Text.StartsWith("⏰"));
        Assert.All(_desk.Log(Desk.Officer).Where(e => e.Outgoing && e.Topic == MessageTopic.Alert(Code).Key),
            e => Assert.EndsWith(StaffTexts.Claimed(new OutgoingMessage(""), _desk.Dossier(Code)).Text, e.Text));
    }

    [Fact]
    public void The_history_shows_alert_deliveries_and_the_claim()
    {
        Pay();
        PressAs(Desk.Officer, "Lê Đình Nhu");

        _desk.Say($"/tracuu {Code}", Desk.Officer);

        var history = _desk.LastReply(Desk.Officer);
        Assert.Contains("Thông báo cho cán bộ: 2 tin", history);
        Assert.Contains("Tiếp nhận: Lê Đình Nhu", history);
    }
}
