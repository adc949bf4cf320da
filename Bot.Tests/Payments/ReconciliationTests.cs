using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Support;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Payments;

[Trait("Tier", "Unit")]
public class ReconciliationTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private static readonly ChatAddress SupportChat = new(TelegramChannel.Name, "support");
    private readonly Desk _desk = new();

    public ReconciliationTests()
    {
        _desk.AddDossier(Code);
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
        _desk.Say($"/dangky {Desk.SupportCode}", SupportChat);
    }

    public void Dispose() => _desk.Dispose();

    private static GatewayStatus Reported(GatewayReport report) => new GatewayStatus.Reported(report);

    private static GatewayReport Unfinished(Payment payment) =>
        new(Desk.Gateway, payment.Id, payment.Amount, GatewayOutcome.Pending, "01", "Giao dịch chưa hoàn tất.", null, null, null);

    private IReadOnlyList<SupportCase> Cases() => _desk.Store.Read(s => s.SupportCases.Of(Code));

    [Fact]
    public void Opening_a_link_schedules_the_first_check_after_the_delay()
    {
        var payment = _desk.OpenedPayment();

        Assert.Equal(payment.OpenedAt + TimeSpan.FromMinutes(5), payment.NextCheckAt);
        Assert.Empty(_desk.Reconciliation.DueChecks(10));
        _desk.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(payment.Id, Assert.Single(_desk.Reconciliation.DueChecks(10)).Id);
    }

    [Fact]
    public void A_link_never_opened_is_never_asked_about()
    {
        _desk.PayLink();
        _desk.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(_desk.Reconciliation.DueChecks(10));
    }

    [Fact]
    public void A_payment_whose_ipn_never_came_is_settled_by_the_status_query()
    {
        var payment = _desk.OpenedPayment();

        _desk.Reconciliation.Record(payment.Id, Reported(_desk.Paid(payment)));

        Assert.Equal(DossierStatus.Paid, _desk.Dossier(Code).Status);
        var receipt = _desk.ReceiptOf()!;
        Assert.Contains(_desk.Log(), e => e.Text == CitizenTexts.Receipt(receipt, Desk.Links.ReceiptUrl(receipt), justPaid: true).Text);
        Assert.Equal(StaffTexts.PaidAlert(_desk.Dossier(Code), receipt, "").Text, _desk.LastReply(Desk.Officer));
        var settled = _desk.Payment(payment.Id);
        Assert.Null(settled.NextCheckAt);
        Assert.Equal(1, settled.Checks);
    }

    [Fact]
    public void An_unfinished_payment_is_asked_about_again_later_with_a_longer_wait()
    {
        var payment = _desk.OpenedPayment();
        _desk.Clock.Advance(TimeSpan.FromMinutes(5));

        _desk.Reconciliation.Record(payment.Id, Reported(Unfinished(payment)));

        var after = _desk.Payment(payment.Id);
        Assert.Equal(PaymentState.Pending, after.State);
        Assert.Equal(_desk.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), after.NextCheckAt);
    }

    [Fact]
    public void Unknown_to_the_gateway_after_the_link_closed_means_no_money_moved()
    {
        var payment = _desk.OpenedPayment();
        _desk.Clock.Advance(TimeSpan.FromMinutes(21));

        _desk.Reconciliation.Record(payment.Id, new GatewayStatus.NotFound());

        var after = _desk.Payment(payment.Id);
        Assert.Equal(PaymentState.Expired, after.State);
        Assert.Null(after.NextCheckAt);
        Assert.DoesNotContain(_desk.Log(SupportChat), e => e.Text.Contains("Cần hỗ trợ"));
    }

    [Fact]
    public void A_silent_gateway_is_asked_until_the_give_up_time_and_then_support_is_told()
    {
        var payment = _desk.OpenedPayment();
        _desk.Clock.Advance(TimeSpan.FromMinutes(5));

        _desk.Reconciliation.Record(payment.Id, new GatewayStatus.Unavailable("timeout"));
        Assert.NotNull(_desk.Payment(payment.Id).NextCheckAt);

        _desk.Clock.Advance(TimeSpan.FromDays(2));
        _desk.Reconciliation.Record(payment.Id, new GatewayStatus.Unavailable("timeout"));

        Assert.Null(_desk.Payment(payment.Id).NextCheckAt);
        var notice = _desk.LastReply(SupportChat);
        Assert.StartsWith(SupportHeadline(SupportReasons.GatewaySilent(payment)), notice);
        Assert.Contains("Nguyễn Văn An", notice); // support reads the applicant unmasked
    }

    [Fact]
    public void An_ipn_and_a_status_answer_for_the_same_attempt_settle_it_once()
    {
        var payment = _desk.OpenedPayment();
        var report = _desk.Paid(payment);

        Parallel.For(0, 16, i =>
        {
            if (i % 2 == 0) _desk.Settlement.Settle(report);
            else _desk.Reconciliation.Record(payment.Id, Reported(report));
        });

        Assert.Single(_desk.Log(), e => e.Text.Contains(Said.Paid));
        Assert.Single(_desk.Log(Desk.Officer), e => e.Text.StartsWith("🔔"));
        Assert.Equal("2026-0000001", _desk.ReceiptOf()!.Id);
    }

    [Fact]
    public void A_status_answer_with_another_amount_changes_nothing_and_goes_to_support()
    {
        var payment = _desk.OpenedPayment();

        _desk.Reconciliation.Record(payment.Id, Reported(_desk.Paid(payment) with { Amount = 1 }));

        Assert.Equal(DossierStatus.AwaitingPayment, _desk.Dossier(Code).Status);
        Assert.StartsWith(SupportHeadline(SupportReasons.AmountMismatch(payment, 1)), _desk.LastReply(SupportChat));
    }

    [Fact]
    public void Money_debited_but_reversed_is_no_success_and_the_citizen_and_support_hear_of_it()
    {
        var payment = _desk.OpenedPayment();

        var reversed = _desk.Reversed(payment);
        _desk.Settlement.Settle(reversed);

        var after = _desk.Payment(payment.Id);
        Assert.Equal(PaymentState.Failed, after.State);
        Assert.Equal(PaymentFlag.MoneyHeld, after.Flag);
        Assert.Equal(DossierStatus.AwaitingPayment, _desk.Dossier(Code).Status);
        Assert.Contains(reversed.Reason!, _desk.LastReply());
        Assert.StartsWith(SupportHeadline(SupportReasons.MoneyHeld(after, reversed)), _desk.LastReply(SupportChat));
        // The citizen gets their case number and what happens next, not a bank list to pay a second time.
        var supportCase = Assert.Single(Cases(), c => c.Kind == SupportReason.MoneyHeld);
        Assert.Equal(CitizenTexts.MoneyHeld(after, supportCase.Reference, Desk.Rules.SupportDesk).Text, _desk.LastReply());
        Assert.Matches("^HT-[0-9A-F]{8}$", supportCase.Reference);
        Assert.Equal(ConversationState.Idle, _desk.Conversation().State);
        Assert.Empty(_desk.Log().Last(e => e.Outgoing).Choices);
    }

    [Fact]
    public void A_report_checks_the_unsettled_attempt_at_once_and_tells_the_citizen_when_it_is_settled()
    {
        var payment = _desk.OpenedPayment();

        _desk.Say($"/baoloi {Code}");

        Assert.Equal(CitizenTexts.ReportChecking(Code).Text, _desk.LastReply());
        Assert.Equal(payment.Id, Assert.Single(_desk.Reconciliation.DueChecks(10)).Id);
        _desk.Reconciliation.Record(payment.Id, Reported(_desk.Paid(payment)));

        Assert.Equal(CitizenTexts.ReportResolvedPaid(Code).Text, _desk.LastReply());
        Assert.Contains(_desk.Log(), e => e.Text.Contains(Said.Paid));
        Assert.Equal(SupportCaseState.Resolved, Assert.Single(Cases()).State);
    }

    [Fact]
    public void A_report_the_gateway_cannot_settle_goes_to_support_with_the_history()
    {
        var payment = _desk.OpenedPayment();
        _desk.Say($"/baoloi {Code}");

        _desk.Reconciliation.Record(payment.Id, new GatewayStatus.NotFound());

        Assert.Equal(CitizenTexts.ReportWithSupport(Code).Text, _desk.LastReply());
        var notice = _desk.LastReply(SupportChat);
        Assert.StartsWith(SupportHeadline(SupportReasons.ReportedByCitizen), notice);
        Assert.Contains($"{Code}_1 — Vietcombank qua VnPay", notice);
        Assert.Equal(SupportCaseState.WithSupport, Assert.Single(Cases()).State);
    }

    [Fact]
    public void A_report_with_no_attempt_to_check_goes_straight_to_support()
    {
        _desk.Say($"/baoloi {Code}");

        Assert.Equal(CitizenTexts.ReportWithSupport(Code).Text, _desk.LastReply());
        Assert.Contains("Chưa có lần thanh toán nào", _desk.LastReply(SupportChat));
    }

    [Fact]
    public void A_repeated_report_is_not_opened_twice()
    {
        _desk.OpenedPayment();
        _desk.Say($"/baoloi {Code}");

        _desk.Say($"/baoloi {Code.ToLowerInvariant()}");

        Assert.Equal(CitizenTexts.ReportAlreadyOpen(Code).Text, _desk.LastReply());
        Assert.Single(Cases());
    }

    [Fact]
    public void A_report_about_a_paid_dossier_points_to_the_receipt()
    {
        _desk.Settlement.Settle(_desk.Paid(_desk.OpenedPayment()));

        _desk.Say($"/baoloi {Code}");

        Assert.Equal(CitizenTexts.ReportButPaid(_desk.Dossier(Code)).Text, _desk.LastReply());
        Assert.Empty(Cases());
    }

    [Theory]
    [InlineData("/baoloi", null)]
    [InlineData("/baoloi xin chào", null)]
    [InlineData("/baoloi H42.10-261125-9999", "H42.10-261125-9999")]
    public void A_report_without_a_known_code_explains_itself(string text, string? unknown)
    {
        _desk.Say(text);

        Assert.Equal((unknown is null ? CitizenTexts.ReportUsage() : CitizenTexts.NotFound(unknown)).Text, _desk.LastReply());
        Assert.Empty(Cases());
    }

    [Fact]
    public void The_receipt_is_resent_to_the_chat_that_paid_and_only_to_it()
    {
        _desk.Settlement.Settle(_desk.Paid(_desk.OpenedPayment()));
        var stranger = new ChatAddress(WebChatIdentity.Channel, "stranger");

        _desk.Say($"/bienlai {Code}");
        _desk.Say($"/bienlai {Code}", stranger);

        Assert.Single(_desk.Log().Last(e => e.Outgoing).Links, l => l.Label == "Xem biên lai");
        Assert.Empty(_desk.Log(stranger).Last(e => e.Outgoing).Links);
    }

    [Fact]
    public void A_receipt_asked_for_before_payment_explains_why_there_is_none()
    {
        _desk.Say($"/bienlai {Code}");
        Assert.Equal(CitizenTexts.NotPaidYet(_desk.Dossier(Code)).Text, _desk.LastReply());

        _desk.Say("/bienlai");
        Assert.Equal(CitizenTexts.ReceiptUsage().Text, _desk.LastReply());
    }

    /// <summary>The first line of support's notice: why the case reached them.</summary>
    private static string SupportHeadline(string reason) => StaffTexts.CaseForSupport("", "", reason).Text.Split('\n')[0];
}
