using ChatPay.Bot.Channels.WebChat;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Support;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Refunds;

/// <summary>A second payment goes back: asked by one person, approved by another, within what was taken, sent once.</summary>
[Trait("Tier", "Unit")]
public sealed class RefundDeskTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private static readonly ChatAddress First = new(WebChatIdentity.Channel, "first");
    private static readonly ChatAddress Second = new(WebChatIdentity.Channel, "second");
    private static readonly ChatAddress SupportA = new(WebChatIdentity.Channel, "support-a");
    private static readonly ChatAddress SupportB = new(WebChatIdentity.Channel, "support-b");
    private static readonly ChatAddress Officer = new(WebChatIdentity.Channel, "officer");
    private readonly Desk _desk = new();
    private readonly RefundDesk _refunds = new();

    public RefundDeskTests()
    {
        _desk.AddDossier();
        _desk.Say($"/dangky {Desk.SupportCode}", SupportA);
        _desk.Say($"/dangky {Desk.SupportCode}", SupportB);
        _desk.Say($"/dangky {Desk.OfficerCode}", Officer);
    }

    public void Dispose() => _desk.Dispose();

    /// <summary>Two people pay the same dossier: the second payment is owed back.</summary>
    private Payment PaidTwice()
    {
        var first = _desk.OpenedPayment(Code, First);
        var second = _desk.OpenedPayment(Code, Second);
        _desk.Settlement.Settle(_desk.Paid(first));
        _desk.Settlement.Settle(_desk.Paid(second, "14000002"));
        return _desk.Payment(second.Id);
    }

    private void Press(ChatAddress chat, string labelStart, string? name = null)
    {
        var entry = _desk.Log(chat).Last(e => e.Outgoing && e.Choices.Any(c => c.Label.StartsWith(labelStart)));
        var button = entry.Choices.First(c => c.Label.StartsWith(labelStart));
        _desk.Chats.Handle(chat, new PressInput(button.Payload, entry.Id) { SenderName = name });
    }

    private Refund Only() => Assert.Single(_desk.Store.Read(s => s.Refunds.OfDossier(Code)));

    [Fact]
    public void Support_asks_from_the_case_and_another_person_approves_while_the_asker_gets_no_approval_to_press()
    {
        var owed = PaidTwice();

        Press(SupportA, RefundTexts.AskLabel, "Hỗ trợ A");

        Assert.DoesNotContain(_desk.Log(SupportA), e => e.Topic == MessageTopic.Refund(Only().Id).Key);
        Assert.Equal(RefundTexts.Requested(Only()).Text, _desk.Log(SupportA).Last(e => e.Outgoing && !e.Text.StartsWith("🆘")).Text);
        Assert.Equal(RefundState.AwaitingApproval, Only().State);
        Assert.Equal(owed.Amount, Only().Amount);
        Assert.True(Only().Full);

        Press(Officer, RefundTexts.ApproveLabel, "Lê Đình Nhu");

        Assert.Equal(RefundState.Approved, Only().State);
        Assert.Equal("Lê Đình Nhu", Only().ApproverName);
        Assert.Contains(RefundTexts.Status(Only()), _desk.Log(SupportB).Single(e => e.Topic == MessageTopic.Refund(Only().Id).Key).Text);
        Assert.Empty(_desk.Log(SupportB).Single(e => e.Topic == MessageTopic.Refund(Only().Id).Key).Choices);
    }

    [Fact]
    public void The_asker_pressing_approve_is_refused_and_changes_nothing()
    {
        var owed = PaidTwice();
        var refund = ((RefundDesk.Outcome.Created)_desk.Store.Write(s => _refunds.Request(s, owed.Id, null, "Thu trùng", SupportA.Key, "A", null, _desk.Clock.GetUtcNow()))).Refund;

        var reply = _desk.Store.Write(s => _refunds.Decide(s, SupportA, refund.Id, approve: true, "A", _desk.Clock.GetUtcNow()));

        Assert.Equal(RefundTexts.NotYours().Text, reply!.Text);
        Assert.Equal(RefundState.AwaitingApproval, Only().State);
    }

    [Fact]
    public void A_refund_never_exceeds_what_was_taken_minus_what_is_already_refunded_or_on_its_way()
    {
        var owed = PaidTwice();
        RefundDesk.Outcome Ask(long? amount) => _desk.Store.Write(s => _refunds.Request(s, owed.Id, amount, "Thu trùng", SupportA.Key, "A", null, _desk.Clock.GetUtcNow()));

        Assert.Equal(new RefundDesk.Outcome.TooMuch(owed.Amount), Ask(owed.Amount + 1));
        Assert.IsType<RefundDesk.Outcome.Created>(Ask(50_000));
        Assert.Equal(new RefundDesk.Outcome.TooMuch(owed.Amount - 50_000), Ask(owed.Amount));
        Assert.IsType<RefundDesk.Outcome.Created>(Ask(null));
        Assert.IsType<RefundDesk.Outcome.NothingToRefund>(Ask(1));
        Assert.DoesNotContain(_desk.Store.Read(s => s.Refunds.OfPayment(owed.Id)), r => r.Full);
    }

    [Fact]
    public void Done_tells_the_payer_refused_opens_a_support_case_and_a_lost_answer_is_asked_about_not_sent_again()
    {
        var owed = PaidTwice();
        Refund Approved(long amount)
        {
            var refund = ((RefundDesk.Outcome.Created)_desk.Store.Write(s => _refunds.Request(s, owed.Id, amount, "Thu trùng", SupportA.Key, "A", null, _desk.Clock.GetUtcNow()))).Refund;
            _desk.Store.Write(s => _refunds.Decide(s, Officer, refund.Id, true, "Nhu", _desk.Clock.GetUtcNow()));
            _desk.Store.Write(s => { _refunds.Sending(s, s.Refunds.Find(refund.Id)!, _desk.Clock.GetUtcNow()); return true; });
            return refund;
        }
        void Record(Refund refund, RefundResult result) => _desk.Store.Write(s => { _refunds.Record(s, refund.Id, result, _desk.Clock.GetUtcNow()); return true; });
        RefundState State(Refund refund) => _desk.Store.Read(s => s.Refunds.Find(refund.Id))!.State;

        var lost = Approved(10_000);
        Record(lost, new RefundResult.Unknown("no answer"));
        Assert.Equal(RefundState.Checking, State(lost));
        Assert.True(_desk.Store.Read(s => s.Refunds.Find(lost.Id))!.NextAttemptAt > _desk.Clock.GetUtcNow());
        Record(lost, new RefundResult.NotFound());
        Assert.Equal(RefundState.Approved, State(lost));

        var done = Approved(20_000);
        Record(done, new RefundResult.Done("51000000", "00"));
        Assert.Equal(RefundState.Refunded, State(done));
        Assert.Equal(RefundTexts.ToCitizen(_desk.Store.Read(s => s.Refunds.Find(done.Id))!, owed).Text, _desk.LastReply(Second));

        var refused = Approved(30_000);
        Record(refused, new RefundResult.Refused("95", "giao dịch gốc không thành công"));
        Assert.Equal(RefundState.Refused, State(refused));
        Assert.Contains(_desk.Store.Read(s => s.SupportCases.OpenFor(Code)), c => c.Kind == SupportReason.Refund && c.Reason!.Contains(refused.Id));
        // A refused refund no longer holds money: it may be asked again.
        Assert.Equal(owed.Amount - 10_000 - 20_000, _desk.Store.Read(s => RefundDesk.Refundable(s, s.Payments.Find(owed.Id)!)));
    }
}
