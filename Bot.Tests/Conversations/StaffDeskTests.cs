using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Support;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

[Trait("Tier", "Unit")]
public class StaffDeskTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private static readonly ChatAddress SupportChat = new(TelegramChannel.Name, "support");
    private static readonly ChatAddress OtherAgency = new(TelegramChannel.Name, "-1002");
    private readonly Desk _desk = new();

    public StaffDeskTests()
    {
        _desk.AddDossier(Code);
        _desk.Say($"/dangky {Desk.SupportCode}", SupportChat);
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
        _desk.Say("/dangky OFFICER-H4227", OtherAgency);
    }

    public void Dispose() => _desk.Dispose();

    [Theory]
    [InlineData("support")]
    [InlineData("officer")]
    public void Support_and_the_agencys_officers_read_the_whole_history(string who)
    {
        var chat = who == "support" ? SupportChat : Desk.Officer;
        _desk.OpenedPayment();

        _desk.Say($"/tracuu {Code}", chat);

        var history = _desk.LastReply(chat);
        Assert.Contains("Nguyễn Văn An, ĐT 0912345678", history);
        Assert.Contains($"{Code}_1 — Vietcombank qua VnPay", history);
    }

    [Fact]
    public void Anyone_else_reads_a_short_status_with_personal_data_masked()
    {
        foreach (var chat in new[] { Desk.Citizen, OtherAgency })
        {
            _desk.Say($"/tracuu {Code}", chat);

            var status = _desk.LastReply(chat);
            Assert.Equal(CitizenTexts.ShortStatus(_desk.Dossier(Code)).Text, status);
            Assert.DoesNotContain("Nguyễn Văn An", status);
            Assert.DoesNotContain("0912345678", status);
        }
    }

    [Fact]
    public void A_lookup_without_a_known_code_explains_itself()
    {
        _desk.Say("/tracuu", SupportChat);
        Assert.Equal(StaffTexts.LookupUsage().Text, _desk.LastReply(SupportChat));
        _desk.Say("/tracuu H42.10-261125-9999", SupportChat);
        Assert.Equal(CitizenTexts.NotFound("H42.10-261125-9999").Text, _desk.LastReply(SupportChat));
    }

    [Fact]
    public void Wrong_enrollment_codes_are_rate_limited_and_audited_without_the_code()
    {
        var guesser = new ChatAddress(WebChatIdentity.Channel, "guesser");
        for (var i = 0; i < 5; i++) _desk.Say($"/dangky GUESS-{i:0000}", guesser);

        _desk.Say($"/dangky {Desk.OfficerCode}", guesser);
        Assert.StartsWith(StaffTexts.TooManyWrongCodes(TimeSpan.FromMinutes(1)).Text.Split('.')[0], _desk.LastReply(guesser));
        Assert.Empty(_desk.Store.Read(s => s.Enrollments.OfChat(guesser.Key)));

        _desk.Clock.Advance(TimeSpan.FromMinutes(16));
        _desk.Say($"/dangky {Desk.OfficerCode}", guesser);
        Assert.Single(_desk.Store.Read(s => s.Enrollments.OfChat(guesser.Key)));

        var audit = _desk.Store.Read(s => s.Enrollments.AuditOf(guesser.Key, DateTimeOffset.MinValue));
        Assert.Equal(6, audit.Count);
        Assert.Single(audit, a => a.Succeeded);
        Assert.DoesNotContain(audit, a => $"{a.Role}{a.AgencyCode}{a.SenderName}".Contains("GUESS") || $"{a.Role}{a.AgencyCode}".Contains(Desk.OfficerCode));
    }

    [Fact]
    public void Support_can_have_the_gateway_asked_again_and_hears_the_outcome()
    {
        var payment = _desk.OpenedPayment();
        _desk.Say($"/baoloi {Code}");
        _desk.Reconciliation.Record(payment.Id, new GatewayStatus.NotFound());
        Assert.Contains(SupportReasons.ReportedByCitizen, _desk.LastReply(SupportChat));

        _desk.Press("Kiểm tra lại với cổng thanh toán", SupportChat);
        Assert.Equal(StaffTexts.Rechecking(Code).Text, _desk.LastReply(SupportChat));
        Assert.Single(_desk.Reconciliation.DueChecks(10));
        _desk.Reconciliation.Record(payment.Id, new GatewayStatus.Reported(_desk.Paid(payment)));

        Assert.Equal(StaffTexts.CaseResolved(Code).Text, _desk.LastReply(SupportChat));
        Assert.Equal(CitizenTexts.ReportResolvedPaid(Code).Text, _desk.LastReply());
        Assert.Equal(SupportCaseState.Resolved, Assert.Single(_desk.Store.Read(s => s.SupportCases.Of(Code))).State);
    }

    [Fact]
    public void A_recheck_with_nothing_pending_says_so()
    {
        _desk.Say($"/baoloi {Code}");

        _desk.Press("Kiểm tra lại với cổng thanh toán", SupportChat);

        Assert.Equal(StaffTexts.NothingToRecheck(Code).Text, _desk.LastReply(SupportChat));
    }

    [Fact]
    public void Only_support_can_ask_the_gateway_again()
    {
        _desk.Say($"/baoloi {Code}");
        var (message, button) = _desk.FindButton("Kiểm tra lại với cổng thanh toán", SupportChat);
        _desk.Say("/huydangky", SupportChat);

        _desk.Chats.Handle(SupportChat, new PressInput(button.Payload, message.Id));

        Assert.Equal(StaffTexts.SupportOnly().Text, _desk.LastReply(SupportChat));
    }
}
