using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Vietnamese;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

/// <summary>A citizen links their own phone once and is told, with one button, each time one of their dossiers is to be paid.</summary>
[Trait("Tier", "Unit")]
public sealed class CitizenNoticeTests : IDisposable
{
    private const string Code = "H42.10-261127-0007";
    private const string Phone = "0912 345 678";
    private static readonly ChatAddress Citizen = new(TelegramChannel.Name, "42");
    private readonly Desk _desk = new();

    public void Dispose() => _desk.Dispose();

    private void Link(ChatAddress? chat = null, string phone = "84912345678", bool own = true) =>
        _desk.Chats.Handle(chat ?? Citizen, new ContactInput(phone, own));

    private PaymentRequestOutcome Request(long amount = 200_000, string? phone = Phone, string code = Code) =>
        _desk.PaymentRequests.Submit(new PaymentRequest(code, "Cấp Phiếu lý lịch tư pháp", Desk.AgencyCode, "Nguyễn Văn An", phone,
            [new FeeLine(FeeKind.Fee, "Phí cung cấp thông tin", amount)]));

    private IReadOnlyList<ChatLogEntry> Notices(ChatAddress? chat = null) =>
        [.. _desk.Log(chat ?? Citizen).Where(e => e.Topic == MessageTopic.Notice(Code).Key)];

    /// <summary>The local time in Vietnam on the desk's day.</summary>
    private void At(int hour, int minute = 0)
    {
        var local = new DateTimeOffset(2026, 11, 27, hour, minute, 0, TimeSpan.FromHours(7));
        if (local < _desk.Clock.GetUtcNow()) local = local.AddDays(1);
        _desk.Clock.SetUtcNow(local);
    }

    [Fact]
    public void The_own_number_is_linked_as_a_keyed_hash_and_never_stored_in_clear()
    {
        Link();

        var link = _desk.Store.Read(s => s.PhoneLinks.Of(Citizen.Key))!;
        Assert.Equal(Desk.Rules.NoticeDesk.Hash.Of("84912345678"), link.PhoneHash);
        Assert.NotEqual(new PhoneHash(new byte[32]).Of("84912345678"), link.PhoneHash);
        Assert.Equal("5678", link.LastDigits);
        Assert.Equal(NoticeTexts.Linked("84912345678").Text, _desk.LastReply(Citizen));
        Assert.DoesNotContain(_desk.Log(Citizen), e => e.Text.Contains("912345678") || e.Text.Contains("0912"));
    }

    [Theory]
    [InlineData("84912345678", false)]
    [InlineData("+1 202 555 0100", true)]
    public void Someone_elses_contact_or_a_foreign_number_is_refused_politely_and_links_nothing(string phone, bool own)
    {
        Link(phone: phone, own: own);

        Assert.Null(_desk.Store.Read(s => s.PhoneLinks.Of(Citizen.Key)));
        Assert.Equal((own ? NoticeTexts.InvalidNumber() : NoticeTexts.NotOwnNumber()).Text, _desk.LastReply(Citizen));
    }

    [Fact]
    public void A_request_for_a_linked_phone_reaches_the_chat_with_the_fees_and_its_button_starts_paying()
    {
        Link();

        Request();

        var notice = Assert.Single(Notices());
        Assert.Equal(NoticeTexts.PaymentRequested(_desk.Dossier(Code), reminder: false).Text, notice.Text);
        Assert.Equal([NoticeTexts.PayLabel], notice.Choices.Select(c => c.Label));
        _desk.Press(NoticeTexts.PayLabel, Citizen);
        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation(Citizen).State);
        Assert.Equal(Code, _desk.Conversation(Citizen).DossierCode);
    }

    [Fact]
    public void A_chat_in_the_middle_of_another_payment_gets_the_notice_and_its_button_moves_it_to_that_dossier()
    {
        _desk.AddDossier();
        Link();
        var other = _desk.PayLink(chat: Citizen);

        Request();
        _desk.Press(NoticeTexts.PayLabel, Citizen);

        Assert.Equal(Code, _desk.Conversation(Citizen).DossierCode);
        Assert.False(_desk.Payment(other.Id).IsOpen);
    }

    [Fact]
    public void A_chat_linked_after_the_request_is_shown_the_requests_still_waiting()
    {
        Request();

        Link();

        Assert.Single(Notices());
    }

    [Fact]
    public void Unrelated_phones_and_unlinked_chats_hear_nothing_and_unlinking_stops_the_notices()
    {
        var stranger = new ChatAddress(TelegramChannel.Name, "77");
        Link(stranger, "0987654321");
        Link();
        _desk.Say("/huylienket", Citizen);

        Request();

        Assert.Empty(Notices(stranger));
        Assert.Empty(Notices());
        Assert.Equal(NoticeTexts.Unlinked().Text, _desk.Log(Citizen).Last(e => e.Outgoing).Text);
        Assert.Equal("none", _desk.Dossier(Code).Notices.Single().Outcome);
    }

    [Fact]
    public void A_request_made_in_the_quiet_hours_waits_for_the_morning()
    {
        Link();
        At(22, 30);

        Request();
        At(6, 59);
        _desk.Deadlines.Run();
        Assert.Empty(Notices());

        At(7, 0);
        _desk.Deadlines.Run();
        Assert.Single(Notices());
    }

    [Fact]
    public void One_reminder_while_unpaid_and_none_once_paid_or_withdrawn()
    {
        Link();
        Request();

        _desk.Clock.Advance(TimeSpan.FromHours(24));
        _desk.Deadlines.Run();
        _desk.Clock.Advance(TimeSpan.FromDays(3));
        _desk.Deadlines.Run();

        Assert.Equal([false, true], Notices().Select(n => n.Text.StartsWith(NoticeTexts.PaymentRequested(_desk.Dossier(Code), reminder: true).Text.Split('\n')[0])));
        var withdrawn = "H42.10-261127-0008";
        Request(code: withdrawn);
        _desk.PaymentRequests.Withdraw(withdrawn);
        _desk.Clock.Advance(TimeSpan.FromDays(2));
        _desk.Deadlines.Run();
        Assert.Single(_desk.Log(Citizen), e => e.Topic == MessageTopic.Notice(withdrawn).Key);
    }

    [Fact]
    public void An_amended_request_is_announced_again_with_its_new_lines()
    {
        Link();
        Request();

        Request(amount: 250_000);

        Assert.Equal(2, Notices().Count);
        Assert.Equal(NoticeTexts.PaymentRequested(_desk.Dossier(Code), reminder: false).Text, Notices()[^1].Text);
    }

    [Fact]
    public void Start_offers_linking_where_the_app_can_share_a_number_and_the_web_chat_says_it_cannot()
    {
        var web = new ChatAddress(WebChatIdentity.Channel, "browser");

        _desk.Say("/start", Citizen);
        _desk.Say("/lienket", web);

        Assert.Contains(_desk.Log(Citizen), e => e.Outgoing && e.Text == NoticeTexts.OfferLink().Text);
        Assert.Equal(NoticeTexts.NoPhoneHere().Text, _desk.LastReply(web));
        Link();
        _desk.Say("/start", Citizen);
        Assert.Single(_desk.Log(Citizen), e => e.Outgoing && e.Text == NoticeTexts.OfferLink().Text);
    }

    [Theory]
    [InlineData(true, "21:59", "21:59")]
    [InlineData(true, "22:00", "07:00+1")]
    [InlineData(true, "03:10", "07:00")]
    [InlineData(true, "07:00", "07:00")]
    [InlineData(false, "23:30", "23:30")]
    public void Quiet_hours_hold_a_notice_until_they_end_and_can_be_turned_off(bool enabled, string at, string expected)
    {
        var quiet = QuietHours.Default with { Enabled = enabled };
        DateTimeOffset Local(string time) => new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(7))
            .Add(TimeOnly.Parse(time.TrimEnd('+', '1')).ToTimeSpan()).AddDays(time.EndsWith("+1") ? 1 : 0);

        Assert.Equal(Local(expected), quiet.NextAllowed(Local(at)));
    }

    [Fact]
    public void Support_sees_each_notice_and_its_delivery_in_the_history()
    {
        Link();
        Request();
        var support = new ChatAddress(TelegramChannel.Name, "-2002");
        _desk.Say($"/dangky {Desk.SupportCode}", support);

        _desk.Say($"/tracuu {Code}", support);

        Assert.Contains($"Thông báo cần thanh toán lúc {VietnamTime.Format(_desk.Clock.GetUtcNow())}: Telegram đang chờ gửi", _desk.LastReply(support));
    }
}
