using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

[Trait("Tier", "Unit")]
public class ConversationJourneyTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly Desk _desk = new();

    public ConversationJourneyTests() => _desk.AddDossier(Code,
        new FeeLine(FeeKind.Fee, "Phí thẩm định", 500_000), new FeeLine(FeeKind.Charge, "Lệ phí cấp giấy", 100_000));

    public void Dispose() => _desk.Dispose();

    [Fact]
    public void A_greeting_in_idle_asks_for_the_dossier_code()
    {
        _desk.Say("Xin chào");

        Assert.Equal(ConversationState.AwaitingCode, _desk.Conversation().State);
        Assert.Equal(CitizenTexts.Welcome().Text, _desk.LastReply());
    }

    [Fact]
    public void A_dossier_code_shows_each_line_the_total_and_the_masked_applicant()
    {
        _desk.Say($"mã hồ sơ {Code.ToLowerInvariant()}");

        var reply = _desk.LastReply();
        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
        Assert.Equal(CitizenTexts.Fees(_desk.Dossier(Code), _desk.Conversation().Step).Text, reply);
        Assert.Contains(PersonalData.MaskName("Nguyễn Văn An"), reply);
        Assert.DoesNotContain("Nguyễn Văn An", reply);
        Assert.DoesNotContain("0912345678", reply);
    }

    [Fact]
    public void Confirming_offers_every_configured_bank()
    {
        _desk.Say(Code);
        _desk.Press("Xác nhận");

        Assert.Equal(ConversationState.ChoosingBank, _desk.Conversation().State);
        var banks = _desk.Log().Last(e => e.Outgoing).Choices.Select(c => c.Label);
        Assert.Equal([.. Desk.Rules.Banks.Select(b => b.Name), "Hủy"], banks);
    }

    [Fact]
    public void Choosing_a_bank_opens_one_attempt_and_sends_its_link()
    {
        var payment = _desk.PayLink(Code);

        Assert.Equal(ConversationState.AwaitingPayment, _desk.Conversation().State);
        Assert.Equal(PaymentState.Created, payment.State);
        Assert.Equal(600_000, payment.Amount);
        Assert.Equal($"{Code}_1", payment.Id);
        Assert.Equal("VIETCOMBANK", payment.GatewayBankCode);
        var link = Assert.Single(_desk.Log().Last(e => e.Outgoing).Links);
        Assert.Equal($"https://chatpay.test/pay/{payment.LinkToken}", link.Url);
        Assert.Equal(CitizenTexts.PaymentLink(payment, link.Url, 0).Links.Single().Label, link.Label);
    }

    [Fact]
    public void A_double_press_on_a_bank_opens_only_one_attempt()
    {
        _desk.Say(Code);
        _desk.Press("Xác nhận");
        var (message, button) = _desk.FindButton("Vietcombank");

        _desk.Chats.Handle(Desk.Citizen, new ChatPay.Domain.Chats.PressInput(button.Payload, message.Id));
        _desk.Chats.Handle(Desk.Citizen, new ChatPay.Domain.Chats.PressInput(button.Payload, message.Id));

        Assert.Single(_desk.Payments(Code));
        Assert.Equal(CitizenTexts.StaleButton().Text, _desk.LastReply());
    }

    [Theory]
    [InlineData(ConversationState.AwaitingCode)]
    [InlineData(ConversationState.ConfirmingFees)]
    [InlineData(ConversationState.ChoosingBank)]
    [InlineData(ConversationState.AwaitingPayment)]
    public void Cancel_works_in_every_state(ConversationState state)
    {
        ReachState(state);

        _desk.Say("/huy");

        Assert.Equal(ConversationState.Idle, _desk.Conversation().State);
        Assert.Equal(CitizenTexts.Cancelled().Text, _desk.LastReply());
        Assert.All(_desk.Payments(Code), p => Assert.Equal(PaymentState.Cancelled, p.State));
    }

    [Fact]
    public void The_english_cancel_command_and_the_cancel_button_work_too()
    {
        _desk.Say(Code);
        _desk.Say("/cancel");
        Assert.Equal(ConversationState.Idle, _desk.Conversation().State);

        _desk.Say(Code);
        _desk.Press("Hủy");
        Assert.Equal(ConversationState.Idle, _desk.Conversation().State);
    }

    [Fact]
    public void Cancel_with_nothing_in_progress_says_so()
    {
        _desk.Say("/huy");

        Assert.Equal(CitizenTexts.NothingToCancel().Text, _desk.LastReply());
    }

    [Fact]
    public void A_code_typed_while_paying_starts_over_and_closes_the_open_link()
    {
        var first = _desk.PayLink(Code);
        _desk.AddDossier("H42.10-261125-0002");

        _desk.Say("H42.10-261125-0002");

        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
        Assert.Equal("H42.10-261125-0002", _desk.Conversation().DossierCode);
        Assert.Equal(PaymentState.Cancelled, _desk.Payment(first.Id).State);
        var link = _desk.Log().Single(e => e.Topic == MessageTopic.PaymentLink(first.Id).Key);
        Assert.Equal(CitizenTexts.LinkClosed(_desk.Payment(first.Id)).Text, link.Text);
        Assert.Empty(link.Links);
        Assert.Empty(link.Choices);
    }

    [Fact]
    public void A_paid_link_message_says_so_and_keeps_no_link_or_button()
    {
        var payment = _desk.PayLink(Code);
        var (link, cancel) = _desk.FindButton("Hủy");

        _desk.Settlement.Settle(_desk.Paid(payment));

        var closed = _desk.Log().Single(e => e.Id == link.Id);
        Assert.Equal(CitizenTexts.LinkClosed(_desk.Payment(payment.Id)).Text, closed.Text);
        Assert.Empty(closed.Links);
        Assert.Empty(closed.Choices);
        _desk.Chats.Handle(Desk.Citizen, new PressInput(cancel.Payload, link.Id));
        Assert.Equal(CitizenTexts.StaleButton().Text, _desk.LastReply());
        Assert.Equal(PaymentState.Succeeded, _desk.Payment(payment.Id).State);
    }

    [Fact]
    public void A_press_on_an_older_message_is_refused_and_changes_nothing()
    {
        _desk.Say(Code);
        var (oldMessage, oldConfirm) = _desk.FindButton("Xác nhận");
        _desk.Press("Xác nhận");
        _desk.Press("Vietcombank");
        var before = _desk.Conversation();

        _desk.Chats.Handle(Desk.Citizen, new ChatPay.Domain.Chats.PressInput(oldConfirm.Payload, oldMessage.Id));

        Assert.Equal(CitizenTexts.StaleButton().Text, _desk.LastReply());
        Assert.Equal(before.State, _desk.Conversation().State);
        Assert.Equal(before.Step, _desk.Conversation().Step);
        Assert.Single(_desk.Payments(Code));
    }

    [Theory]
    [InlineData("b:{step}:NOBANK")]
    [InlineData("cb:{step}")]
    [InlineData("garbage")]
    [InlineData("ok:{step}:x")]
    public void A_forged_payload_without_a_message_is_refused_and_changes_nothing(string template)
    {
        _desk.Say(Code);
        var before = _desk.Conversation();

        _desk.Chats.Handle(Desk.Citizen, new ChatPay.Domain.Chats.PressInput(template.Replace("{step}", before.Step.ToString()), null));

        Assert.Equal(CitizenTexts.InvalidButton().Text, _desk.LastReply());
        Assert.Equal(before.State, _desk.Conversation().State);
        Assert.Equal(before.Step, _desk.Conversation().Step);
        Assert.Empty(_desk.Payments(Code));
    }

    [Fact]
    public void A_press_that_does_not_match_a_button_of_its_message_is_refused()
    {
        _desk.Say(Code);
        var (message, _) = _desk.FindButton("Xác nhận");
        var step = _desk.Conversation().Step;

        _desk.Chats.Handle(Desk.Citizen, new ChatPay.Domain.Chats.PressInput($"b:{step}:VCB", message.Id));

        Assert.Equal(CitizenTexts.InvalidButton().Text, _desk.LastReply());
        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
    }

    [Fact]
    public void A_used_message_shows_the_choice_and_loses_its_buttons()
    {
        _desk.Say(Code);
        var (message, _) = _desk.FindButton("Xác nhận");

        _desk.Press("Xác nhận");

        Assert.Equal("Xác nhận", _desk.Log().Single(e => e.Id == message.Id).ChosenLabel);
    }

    [Fact]
    public void An_unknown_code_is_told_apart_from_a_malformed_one()
    {
        _desk.Say("H42.10-261125-9999");
        Assert.Equal(CitizenTexts.NotFound("H42.10-261125-9999").Text, _desk.LastReply());

        _desk.Say("H42.10-261399-0001");
        Assert.Equal(CitizenTexts.Malformed().Text, _desk.LastReply());

        Assert.Equal(ConversationState.Idle, _desk.Conversation().State);
    }

    [Fact]
    public void A_wrong_code_mid_payment_keeps_the_payment_open()
    {
        var payment = _desk.PayLink(Code);

        _desk.Say("H42.10-261125-9999");

        Assert.Equal(ConversationState.AwaitingPayment, _desk.Conversation().State);
        Assert.Equal(PaymentState.Created, _desk.Payment(payment.Id).State);
    }

    [Fact]
    public void A_dossier_without_a_payment_request_says_what_to_do()
    {
        _desk.Store.Write(session =>
        {
            session.Dossiers.Save(new Dossier("H42.27-261126-0009", "Cấp đổi giấy", "H42.27", "Văn phòng Đăng ký đất đai", "Hoàng Văn Em", null, _desk.Clock.GetUtcNow()));
            return true;
        });

        _desk.Say("H42.27-261126-0009");

        Assert.Equal(CitizenTexts.NoPaymentRequest(_desk.Dossier("H42.27-261126-0009")).Text, _desk.LastReply());
    }

    [Fact]
    public void A_withdrawn_request_is_explained()
    {
        _desk.Change(Code, d => d.Withdraw());

        _desk.Say(Code);

        Assert.Equal(CitizenTexts.Withdrawn(_desk.Dossier(Code)).Text, _desk.LastReply());
        Assert.Equal(ConversationState.Idle, _desk.Conversation().State);
    }

    [Fact]
    public void An_amended_request_is_shown_again_before_a_bank_is_chosen()
    {
        _desk.Say(Code);
        _desk.Change(Code, d => d.RequestPayment([new FeeLine(FeeKind.Fee, "Phí thẩm định", 450_000)], _desk.Clock.GetUtcNow()));

        _desk.Press("Xác nhận");

        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
        Assert.Equal(CitizenTexts.Fees(_desk.Dossier(Code), _desk.Conversation().Step).Text, _desk.LastReply());
        Assert.Contains(_desk.Log(), e => e.Text.Contains(CitizenTexts.FeesChanged().Text));
    }

    [Fact]
    public void Text_over_the_limit_is_refused_politely()
    {
        _desk.Say(Code);

        _desk.Say(new string('9', 100_000));

        Assert.Equal(CitizenTexts.TooLong().Text, _desk.LastReply());
        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
        Assert.True(_desk.Log().Where(e => !e.Outgoing).All(e => e.Text.Length <= 1001));
    }

    [Fact]
    public void Free_text_mid_journey_gets_a_hint_for_the_current_step()
    {
        _desk.Say(Code);
        _desk.Press("Xác nhận");

        _desk.Say("bây giờ làm gì?");

        Assert.Equal(CitizenTexts.Hint(ConversationState.ChoosingBank).Text, _desk.LastReply());
        Assert.Equal(ConversationState.ChoosingBank, _desk.Conversation().State);
    }

    [Fact]
    public void Change_bank_closes_the_link_and_offers_banks_again()
    {
        var payment = _desk.PayLink(Code);

        _desk.Press("Chọn ngân hàng khác");
        _desk.Press("Ví VNPAY");

        Assert.Equal(PaymentState.Cancelled, _desk.Payment(payment.Id).State);
        Assert.Equal("VNPAYQR", _desk.CurrentPayment()!.GatewayBankCode);
        Assert.Equal(2, _desk.Payments(Code).Count);
    }

    [Fact]
    public void Unknown_commands_and_help_answer_without_changing_state()
    {
        _desk.Say(Code);

        _desk.Say("/xyz");
        Assert.Equal(CitizenTexts.UnknownCommand().Text, _desk.LastReply());
        _desk.Say("/trogiup");
        Assert.Equal(CitizenTexts.Help().Text, _desk.LastReply());

        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
    }

    [Fact]
    public void Start_with_a_code_goes_straight_to_the_fees()
    {
        _desk.Say($"/start {Code}");

        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
    }

    [Fact]
    public void An_open_conversation_resumes_after_a_restart()
    {
        _desk.Say(Code);
        _desk.Press("Xác nhận");

        using var restarted = _desk.Restart();
        restarted.Press("Vietcombank");

        Assert.Equal(ConversationState.AwaitingPayment, restarted.Conversation().State);
        Assert.NotNull(restarted.CurrentPayment());
    }

    private void ReachState(ConversationState state)
    {
        switch (state)
        {
            case ConversationState.AwaitingCode:
                _desk.Say("/start");
                break;
            case ConversationState.ConfirmingFees:
                _desk.Say(Code);
                break;
            case ConversationState.ChoosingBank:
                _desk.Say(Code);
                _desk.Press("Xác nhận");
                break;
            case ConversationState.AwaitingPayment:
                _desk.PayLink(Code);
                break;
        }
        Assert.Equal(state, _desk.Conversation().State);
    }
}
