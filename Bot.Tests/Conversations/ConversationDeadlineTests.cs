using ChatPay.Domain.Conversations;
using ChatPay.Domain.Payments;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

[Trait("Tier", "Unit")]
public class ConversationDeadlineTests : IDisposable
{
    private readonly Desk _desk = new();

    public ConversationDeadlineTests() => _desk.AddDossier();

    public void Dispose() => _desk.Dispose();

    [Fact]
    public void Inactivity_returns_the_chat_to_idle_and_says_so()
    {
        _desk.Say("H42.10-261125-0001");

        _desk.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, _desk.Deadlines.Run());
        _desk.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, _desk.Deadlines.Run());

        Assert.Equal(ConversationState.Idle, _desk.Conversation().State);
        Assert.Equal(CitizenTexts.TimedOut().Text, _desk.LastReply());
        Assert.Equal(0, _desk.Deadlines.Run());
    }

    [Fact]
    public void Each_message_pushes_the_inactivity_deadline_back()
    {
        _desk.Say("H42.10-261125-0001");
        _desk.Clock.Advance(TimeSpan.FromMinutes(20));
        _desk.Say("còn đó không?");
        _desk.Clock.Advance(TimeSpan.FromMinutes(20));

        _desk.Deadlines.Run();

        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
    }

    [Fact]
    public void An_expired_link_is_closed_and_banks_are_offered_again()
    {
        var payment = _desk.PayLink();

        _desk.Clock.Advance(TimeSpan.FromMinutes(16));
        _desk.Deadlines.Run();

        Assert.Equal(PaymentState.Expired, _desk.Payment(payment.Id).State);
        Assert.Equal(ConversationState.ChoosingBank, _desk.Conversation().State);
        Assert.Contains(CitizenTexts.LinkExpiredLead, _desk.LastReply());
    }

    [Fact]
    public void A_deadline_that_passed_while_the_bot_was_down_is_acted_on_at_start()
    {
        var payment = _desk.PayLink();
        _desk.Clock.Advance(TimeSpan.FromHours(2));

        using var restarted = _desk.Restart();
        restarted.Deadlines.Run();

        Assert.Equal(PaymentState.Expired, restarted.Payment(payment.Id).State);
        Assert.Equal(ConversationState.ChoosingBank, restarted.Conversation().State);
    }

    [Fact]
    public void A_link_opened_after_expiry_is_closed()
    {
        var payment = _desk.PayLink();
        _desk.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.IsType<LinkOpening.Closed>(_desk.OpenLink(payment.LinkToken));
    }

    [Fact]
    public void Opening_a_live_link_marks_the_attempt_pending()
    {
        var payment = _desk.PayLink();

        var opening = Assert.IsType<LinkOpening.Ready>(_desk.OpenLink(payment.LinkToken));

        Assert.Equal(PaymentState.Pending, opening.Payment.State);
        Assert.Equal(PaymentState.Pending, _desk.Payment(payment.Id).State);
        Assert.IsType<LinkOpening.Unknown>(_desk.OpenLink("no-such-token"));
    }
}
