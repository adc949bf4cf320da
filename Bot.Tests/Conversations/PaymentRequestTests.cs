using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

[Trait("Tier", "Unit")]
public class PaymentRequestTests : IDisposable
{
    private const string Code = "H42.10-261126-0042";
    private readonly Desk _desk = new();

    public void Dispose() => _desk.Dispose();

    private static PaymentRequest Request(long amount = 200_000, string applicant = "Nguyễn Văn An") => new(
        Code, "Cấp Phiếu lý lịch tư pháp", Desk.AgencyCode, applicant, "0912345678",
        [new FeeLine(FeeKind.Fee, "Phí cung cấp thông tin lý lịch tư pháp", amount)]);

    [Fact]
    public void A_new_request_creates_the_dossier_awaiting_payment()
    {
        Assert.Equal(PaymentRequestOutcome.Created, _desk.PaymentRequests.Submit(Request()));

        var dossier = _desk.Dossier(Code);
        Assert.Equal(DossierStatus.AwaitingPayment, dossier.Status);
        Assert.Equal("Sở Tư pháp tỉnh Hà Tĩnh", dossier.AgencyName);
        Assert.Equal(200_000, dossier.Total());
    }

    [Fact]
    public void The_same_request_sent_again_changes_nothing()
    {
        _desk.PaymentRequests.Submit(Request());

        Assert.Equal(PaymentRequestOutcome.Unchanged, _desk.PaymentRequests.Submit(Request()));
        Assert.Equal(1, _desk.Dossier(Code).RequestVersion);
    }

    [Fact]
    public void An_amendment_closes_the_open_link_and_shows_the_citizen_the_new_fees()
    {
        _desk.PaymentRequests.Submit(Request());
        var payment = _desk.PayLink(Code);

        Assert.Equal(PaymentRequestOutcome.Amended, _desk.PaymentRequests.Submit(Request(amount: 250_000)));

        Assert.Equal(PaymentState.Cancelled, _desk.Payment(payment.Id).State);
        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
        Assert.Equal(CitizenTexts.Fees(_desk.Dossier(Code), _desk.Conversation().Step).Text, _desk.LastReply());
        Assert.Contains(_desk.Log(), e => e.Text.Contains(CitizenTexts.FeesChanged().Text));
    }

    [Fact]
    public void Money_taken_on_the_old_link_after_an_amendment_is_kept_for_refund()
    {
        _desk.PaymentRequests.Submit(Request());
        var payment = _desk.OpenedPayment(Code);
        _desk.PaymentRequests.Submit(Request(amount: 250_000));

        _desk.Settlement.Settle(_desk.Paid(payment));

        Assert.Equal(PaymentFlag.NeedsRefund, _desk.Payment(payment.Id).Flag);
        Assert.Equal(DossierStatus.AwaitingPayment, _desk.Dossier(Code).Status);
    }

    [Fact]
    public void A_paid_dossier_keeps_its_request()
    {
        _desk.PaymentRequests.Submit(Request());
        _desk.Settlement.Settle(_desk.Paid(_desk.OpenedPayment(Code)));

        Assert.Equal(PaymentRequestOutcome.AlreadyPaid, _desk.PaymentRequests.Submit(Request(amount: 1_000)));
        Assert.Equal(PaymentRequestOutcome.Unchanged, _desk.PaymentRequests.Submit(Request()));
        Assert.Equal(PaymentRequestOutcome.AlreadyPaid, _desk.PaymentRequests.Withdraw(Code));
    }

    [Fact]
    public void Withdrawing_closes_links_and_tells_the_citizen_and_a_new_request_reopens_it()
    {
        _desk.PaymentRequests.Submit(Request());
        var payment = _desk.PayLink(Code);

        Assert.Equal(PaymentRequestOutcome.Withdrawn, _desk.PaymentRequests.Withdraw(Code));

        Assert.Equal(PaymentState.Cancelled, _desk.Payment(payment.Id).State);
        Assert.Equal(ConversationState.Idle, _desk.Conversation().State);
        Assert.Contains(CitizenTexts.Withdrawn(_desk.Dossier(Code)).Text, _desk.LastReply());
        Assert.Equal(PaymentRequestOutcome.Withdrawn, _desk.PaymentRequests.Withdraw(Code));
        Assert.Equal(PaymentRequestOutcome.NotFound, _desk.PaymentRequests.Withdraw("H42.10-261126-0043"));
        Assert.Equal(PaymentRequestOutcome.Created, _desk.PaymentRequests.Submit(Request()));
        Assert.Equal(DossierStatus.AwaitingPayment, _desk.Dossier(Code).Status);
    }

    [Fact]
    public void Paying_publishes_an_event_for_the_portal()
    {
        _desk.PaymentRequests.Submit(Request());

        _desk.Settlement.Settle(_desk.Paid(_desk.OpenedPayment(Code)));

        var published = _desk.Store.Collection<ChatPay.Bot.Storage.PortalEvent>("portal_events").FindAll().Single();
        Assert.Equal(Code, published.Data.DossierCode);
        Assert.Equal(200_000, published.Data.Amount);
        Assert.Equal("0000001", published.Data.ReceiptNumber);
    }
}
