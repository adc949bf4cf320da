using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Channels.Zalo;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Support;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Payments;

[Trait("Tier", "Unit")]
public class PaymentSettlementTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly Desk _desk = new();

    public PaymentSettlementTests()
    {
        _desk.AddDossier(Code);
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
    }

    public void Dispose() => _desk.Dispose();

    [Fact]
    public void Success_issues_a_receipt_marks_the_dossier_paid_and_alerts_the_agency()
    {
        var payment = _desk.PayLink();

        Assert.Equal(SettlementOutcome.Recorded, _desk.Settlement.Settle(_desk.Paid(payment)));

        var receipt = _desk.ReceiptOf()!;
        Assert.Equal(DossierStatus.Paid, _desk.Dossier(Code).Status);
        Assert.Equal(PaymentState.Succeeded, _desk.Payment(payment.Id).State);
        Assert.Equal("2026-0000001", receipt.Id);
        Assert.Equal("CP-26E", receipt.Series);
        Assert.Equal(200_000, receipt.Total);
        Assert.Equal("14000001", receipt.GatewayTransactionNo);
        Assert.Equal(ConversationState.Done, _desk.Conversation().State);

        var citizenReceipt = _desk.Log().Last(e => e.Outgoing);
        Assert.Equal(CitizenTexts.Receipt(receipt, Desk.Links.ReceiptUrl(receipt), justPaid: true).Text, citizenReceipt.Text);
        Assert.Equal($"https://chatpay.test/bien-lai/{receipt.AccessToken}", Assert.Single(citizenReceipt.Links).Url);

        var alert = _desk.LastReply(Desk.Officer);
        Assert.Contains($"Hồ sơ {Code} đã thanh toán — sẵn sàng xử lý", alert);
        Assert.Contains("200.000 ₫", alert);
        Assert.Contains("0000001", alert);
    }

    [Fact]
    public void Duplicate_ipn_issues_no_second_receipt_and_no_second_alert()
    {
        var payment = _desk.PayLink();
        var report = _desk.Paid(payment);

        var outcomes = Enumerable.Range(0, 10).Select(_ => _desk.Settlement.Settle(report)).ToList();

        Assert.Equal(SettlementOutcome.Recorded, outcomes[0]);
        Assert.All(outcomes.Skip(1), o => Assert.Equal(SettlementOutcome.AlreadySettled, o));
        Assert.Single(_desk.Log(Desk.Officer), e => e.Topic == MessageTopic.Alert(Code).Key);
        Assert.Single(_desk.Log(), e => e.Text.Contains(Said.Paid));
        Assert.Equal("2026-0000001", _desk.ReceiptOf()!.Id);
    }

    [Fact]
    public void Concurrent_reports_for_one_attempt_settle_it_once()
    {
        var payment = _desk.PayLink();
        var report = _desk.Paid(payment);

        var outcomes = Enumerable.Range(0, 16).AsParallel().Select(_ => _desk.Settlement.Settle(report)).ToList();

        Assert.Single(outcomes, o => o == SettlementOutcome.Recorded);
        Assert.Single(_desk.Log(Desk.Officer), e => e.Topic == MessageTopic.Alert(Code).Key);
    }

    [Fact]
    public void A_wrong_amount_changes_nothing()
    {
        var payment = _desk.PayLink();

        var outcome = _desk.Settlement.Settle(_desk.Paid(payment) with { Amount = 1_000 });

        Assert.Equal(SettlementOutcome.AmountMismatch, outcome);
        Assert.Equal(PaymentState.Created, _desk.Payment(payment.Id).State);
        Assert.Equal(DossierStatus.AwaitingPayment, _desk.Dossier(Code).Status);
    }

    [Fact]
    public void A_report_from_another_gateway_than_the_attempts_changes_nothing()
    {
        var payment = _desk.PayLink(); // through the desk's bank list, whose choices name no gateway
        var named = Payment.Start(payment.DossierCode, 9, payment.RequestVersion, payment.Amount, new BankOption("MOMO", "Ví MoMo", null, "MoMo"),
            payment.Payer(), "token-9", _desk.Clock.GetUtcNow(), TimeSpan.FromMinutes(15));
        _desk.Store.Write(session => { session.Payments.Save(named); return true; });

        Assert.Equal(SettlementOutcome.UnknownPayment, _desk.Settlement.Settle(_desk.Paid(named) with { Gateway = "ZaloPay" }));
        Assert.Equal(PaymentState.Created, _desk.Payment(named.Id).State);
        Assert.Equal(DossierStatus.AwaitingPayment, _desk.Dossier(Code).Status);
    }

    [Fact]
    public void An_unknown_reference_changes_nothing()
    {
        _desk.PayLink();

        Assert.Equal(SettlementOutcome.UnknownPayment, _desk.Settlement.Settle(_desk.Paid(_desk.CurrentPayment()!) with { PaymentId = "NOPE_1" }));
        Assert.Equal(DossierStatus.AwaitingPayment, _desk.Dossier(Code).Status);
    }

    [Fact]
    public void A_decline_explains_why_and_offers_to_try_again()
    {
        var payment = _desk.PayLink();

        var declined = _desk.Declined(payment, "51");
        Assert.Equal(SettlementOutcome.Recorded, _desk.Settlement.Settle(declined));

        Assert.Equal(PaymentState.Failed, _desk.Payment(payment.Id).State);
        Assert.Equal(ConversationState.ChoosingBank, _desk.Conversation().State);
        Assert.Contains(declined.Reason!, _desk.LastReply());
        Assert.Contains(_desk.Log().Last(e => e.Outgoing).Choices, c => c.Label == "Vietcombank");
        Assert.Equal(DossierStatus.AwaitingPayment, _desk.Dossier(Code).Status);
    }

    [Fact]
    public void A_success_after_a_failure_report_of_the_same_attempt_is_recorded_with_a_receipt_and_support_is_told()
    {
        var support = new ChatAddress(TelegramChannel.Name, "support");
        _desk.Say($"/dangky {Desk.SupportCode}", support);
        var payment = _desk.PayLink();
        _desk.Settlement.Settle(_desk.Declined(payment));

        Assert.Equal(SettlementOutcome.Recorded, _desk.Settlement.Settle(_desk.Paid(payment)));

        var paid = _desk.Payment(payment.Id);
        Assert.Equal(PaymentState.Succeeded, paid.State);
        Assert.Equal(PaymentFlag.VerdictChanged, paid.Flag);
        Assert.Equal("51", paid.FailedBefore);
        Assert.Equal(DossierStatus.Paid, _desk.Dossier(Code).Status);
        Assert.NotNull(_desk.ReceiptOf());
        var cases = _desk.Store.Read(session => session.SupportCases.OpenFor(Code));
        Assert.Contains(cases, c => c.Kind == SupportReason.VerdictChanged);
        Assert.Contains(payment.Id, _desk.LastReply(support));
        Assert.Contains("(51)", _desk.LastReply(support));
        Assert.Equal(SettlementOutcome.AlreadySettled, _desk.Settlement.Settle(_desk.Paid(payment)));
    }

    [Fact]
    public void A_success_after_a_failure_when_the_dossier_was_paid_meanwhile_is_kept_for_refund()
    {
        var first = _desk.PayLink();
        _desk.Settlement.Settle(_desk.Declined(first));
        _desk.Press("Vietcombank");
        var second = _desk.CurrentPayment()!;
        _desk.Settlement.Settle(_desk.Paid(second, "14000002"));

        Assert.Equal(SettlementOutcome.Recorded, _desk.Settlement.Settle(_desk.Paid(first, "14000003")));

        Assert.Equal(PaymentFlag.NeedsRefund, _desk.Payment(first.Id).Flag);
        Assert.Equal(second.Id, _desk.ReceiptOf()!.PaymentId);
        var kinds = _desk.Store.Read(session => session.SupportCases.OpenFor(Code)).Select(c => c.Kind).ToList();
        Assert.Contains(SupportReason.Refund, kinds);
        Assert.Contains(SupportReason.VerdictChanged, kinds);
    }

    [Fact]
    public void A_failure_after_a_failure_changes_nothing()
    {
        var payment = _desk.PayLink();
        _desk.Settlement.Settle(_desk.Declined(payment));

        Assert.Equal(SettlementOutcome.AlreadySettled, _desk.Settlement.Settle(_desk.Declined(payment, "24")));
        Assert.Equal("51", _desk.Payment(payment.Id).GatewayCode);
    }

    [Theory]
    [InlineData(GatewayOutcome.Pending)]
    [InlineData(GatewayOutcome.Unknown)]
    public void A_report_without_a_final_status_leaves_the_attempt_unsettled_and_asks_the_gateway_now(GatewayOutcome outcome)
    {
        var payment = _desk.OpenedPayment();

        var report = _desk.Declined(payment, "99") with { Outcome = outcome };
        Assert.Equal(SettlementOutcome.Recorded, _desk.Settlement.Settle(report));

        var stored = _desk.Payment(payment.Id);
        Assert.True(stored.IsUnsettled);
        Assert.Equal(PaymentState.Pending, stored.State);
        Assert.Equal(_desk.Clock.GetUtcNow(), stored.NextCheckAt);
        Assert.Contains(_desk.Reconciliation.DueChecks(10), due => due.Id == payment.Id);
        Assert.Equal(ConversationState.AwaitingPayment, _desk.Conversation().State);
        // The verdict that follows settles it as usual.
        Assert.Equal(SettlementOutcome.Recorded, _desk.Settlement.Settle(_desk.Paid(payment)));
        Assert.Equal(DossierStatus.Paid, _desk.Dossier(Code).Status);
    }

    [Fact]
    public void Money_taken_after_the_link_expired_is_still_recorded_and_flagged()
    {
        var payment = _desk.PayLink();
        _desk.Clock.Advance(TimeSpan.FromMinutes(20));
        _desk.Deadlines.Run();

        Assert.Equal(SettlementOutcome.Recorded, _desk.Settlement.Settle(_desk.Paid(payment)));

        var settled = _desk.Payment(payment.Id);
        Assert.Equal(PaymentState.Succeeded, settled.State);
        Assert.Equal(PaymentFlag.LateSuccess, settled.Flag);
        Assert.Equal(DossierStatus.Paid, _desk.Dossier(Code).Status);
        var receipt = _desk.ReceiptOf()!;
        Assert.Contains(_desk.Log(), e => e.Text == CitizenTexts.Receipt(receipt, Desk.Links.ReceiptUrl(receipt), justPaid: true).Text);
    }

    [Fact]
    public void A_second_payment_for_a_paid_dossier_is_kept_for_refund_and_the_citizen_is_told()
    {
        var otherChat = new ChatAddress(ZaloChannel.Name, "family-member");
        _desk.Say($"/dangky {Desk.SupportCode}", new ChatAddress(TelegramChannel.Name, "support"));
        var first = _desk.PayLink();
        var second = _desk.PayLink(chat: otherChat);

        _desk.Settlement.Settle(_desk.Paid(first, "14000001"));
        Assert.Equal(SettlementOutcome.Recorded, _desk.Settlement.Settle(_desk.Paid(second, "14000002")));

        var refund = _desk.Payment(second.Id);
        Assert.Equal(PaymentState.Succeeded, refund.State);
        Assert.Equal(PaymentFlag.NeedsRefund, refund.Flag);
        Assert.Equal(first.Id, _desk.Dossier(Code).PaidByPaymentId);
        Assert.Contains(_desk.Log(otherChat), e => e.Text == CitizenTexts.PaidTwice(refund).Text);
        Assert.Contains(SupportReasons.Refund(_desk.Dossier(Code), refund), _desk.LastReply(new ChatAddress(TelegramChannel.Name, "support")));
        Assert.Single(_desk.Log(Desk.Officer), e => e.Topic == MessageTopic.Alert(Code).Key);
    }

    [Fact]
    public void Paying_closes_another_chats_open_link_and_tells_it()
    {
        var otherChat = new ChatAddress(WebChatIdentity.Channel, "other");
        var first = _desk.PayLink();
        var second = _desk.PayLink(chat: otherChat);

        _desk.Settlement.Settle(_desk.Paid(first));

        Assert.Equal(PaymentState.Cancelled, _desk.Payment(second.Id).State);
        Assert.Equal(ConversationState.Idle, _desk.Conversation(otherChat).State);
        Assert.Contains(CitizenTexts.PaidElsewhere(_desk.ReceiptOf()!).Text, _desk.LastReply(otherChat));
    }

    [Fact]
    public void The_applicant_who_lost_the_chat_gets_the_receipt_with_the_last_four_digits_of_their_phone()
    {
        _desk.Settlement.Settle(_desk.Paid(_desk.PayLink()));
        var newPhone = new ChatAddress(WebChatIdentity.Channel, "new-phone");

        _desk.Say($"/bienlai {Code.ToLowerInvariant().Replace('-', ' ')} 5678", newPhone);

        var receipt = _desk.ReceiptOf()!;
        Assert.Equal(CitizenTexts.Receipt(receipt, Desk.Links.ReceiptUrl(receipt), justPaid: false).Text, _desk.LastReply(newPhone));
        Assert.Single(_desk.Log(newPhone).Last(e => e.Outgoing).Links);
    }

    [Fact]
    public void Wrong_digits_reveal_nothing_and_are_counted_like_unknown_codes()
    {
        _desk.Settlement.Settle(_desk.Paid(_desk.PayLink()));
        var guesser = new ChatAddress(WebChatIdentity.Channel, "guesser");
        var receipt = _desk.ReceiptOf()!;

        for (var guess = 0; guess < 5; guess++)
        {
            _desk.Say($"/bienlai {Code} {1000 + guess}", guesser);
            Assert.Equal(CitizenTexts.PaidElsewhere(receipt).Text, _desk.LastReply(guesser));
        }
        _desk.Say($"/bienlai {Code} 5678", guesser);

        Assert.DoesNotContain(_desk.Log(guesser), e => e.Outgoing && e.Links.Count > 0);
        Assert.NotEqual(CitizenTexts.Receipt(receipt, Desk.Links.ReceiptUrl(receipt), justPaid: false).Text, _desk.LastReply(guesser));
    }

    [Fact]
    public void A_paid_dossier_shows_its_receipt_to_the_payer_and_only_a_status_to_others()
    {
        var payment = _desk.PayLink();
        _desk.Settlement.Settle(_desk.Paid(payment));
        var stranger = new ChatAddress(WebChatIdentity.Channel, "stranger");

        _desk.Say(Code);
        _desk.Say(Code, stranger);

        var receipt = _desk.ReceiptOf()!;
        Assert.Equal(CitizenTexts.Receipt(receipt, Desk.Links.ReceiptUrl(receipt), justPaid: false).Text, _desk.LastReply());
        Assert.Single(_desk.Log().Last(e => e.Outgoing).Links);
        var status = _desk.Log(stranger).Last(e => e.Outgoing);
        Assert.Equal(CitizenTexts.PaidElsewhere(receipt).Text, status.Text);
        Assert.Empty(status.Links);
        Assert.DoesNotContain("Nguyễn", status.Text);
    }

    [Fact]
    public void Receipt_numbers_run_without_gaps_and_start_again_each_year()
    {
        var codes = new[] { "H42.10-261125-0002", "H42.10-261125-0003" };
        foreach (var code in codes) _desk.AddDossier(code);

        _desk.Settlement.Settle(_desk.Paid(_desk.PayLink()));
        _desk.Settlement.Settle(_desk.Paid(_desk.PayLink(codes[0])));
        _desk.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero)); // 00:30 on 1 January in Vietnam
        _desk.Settlement.Settle(_desk.Paid(_desk.PayLink(codes[1])));

        Assert.Equal("2026-0000001", _desk.ReceiptOf(Code)!.Id);
        Assert.Equal("2026-0000002", _desk.ReceiptOf(codes[0])!.Id);
        Assert.Equal("2027-0000001", _desk.ReceiptOf(codes[1])!.Id);
        Assert.Equal("CP-27E", _desk.ReceiptOf(codes[1])!.Series);
    }

    [Fact]
    public void A_step_that_fails_leaves_no_trace_and_no_gap_in_receipt_numbers()
    {
        Assert.Throws<InvalidOperationException>(() => _desk.Store.Write<bool>(session =>
        {
            session.Receipts.TakeNextNumber(2026);
            session.Dossiers.Save(new Dossier("H42.10-261125-0042", "x", "H42.10", "x", "x", null, _desk.Clock.GetUtcNow()));
            throw new InvalidOperationException("crash mid-step");
        }));

        _desk.Settlement.Settle(_desk.Paid(_desk.PayLink()));

        Assert.Equal("2026-0000001", _desk.ReceiptOf()!.Id);
        Assert.Null(_desk.Store.Read(s => s.Dossiers.Find("H42.10-261125-0042")));
    }

    [Fact]
    public void Everything_a_payment_did_survives_a_restart()
    {
        var payment = _desk.PayLink();
        _desk.Settlement.Settle(_desk.Paid(payment));

        using var restarted = _desk.Restart();

        Assert.Equal(DossierStatus.Paid, restarted.Dossier(Code).Status);
        Assert.Equal("2026-0000001", restarted.ReceiptOf()!.Id);
        Assert.Equal(PaymentState.Succeeded, restarted.Payment(payment.Id).State);
        Assert.Equal(ConversationState.Done, restarted.Conversation().State);
        Assert.Equal(SettlementOutcome.AlreadySettled, restarted.Settlement.Settle(restarted.Paid(payment)));
    }
}
