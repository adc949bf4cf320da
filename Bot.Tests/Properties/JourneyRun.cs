using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Properties;

/// <summary>The real domain on a real LiteDB file, driven by <see cref="JourneyOp"/>s, with a model of what the gateway did.</summary>
public sealed class JourneyRun : IDisposable
{
    private readonly IReadOnlyList<string> _codes;
    private readonly IReadOnlyList<ChatAddress> _chats;
    private readonly Dictionary<string, Outcome> _outcomes = [];
    private readonly HashSet<string> _moneyTaken = [];
    private Desk _desk = new();

    public JourneyRun(IReadOnlyList<string> codes, IReadOnlyList<ChatAddress> chats)
    {
        _codes = codes;
        _chats = chats;
        _desk.AddDossier(codes[0]);
        _desk.AddDossier(codes[1], new FeeLine(FeeKind.Fee, "Lệ phí", 150_000), new FeeLine(FeeKind.Charge, "Phí", 50_000));
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
    }

    public void Apply(JourneyOp op)
    {
        switch (op)
        {
            case JourneyOp.Type(var chat, var what):
                _desk.Say(what < _codes.Count ? _codes[what] : (what - _codes.Count) switch { 0 => "xin chào", 1 => "/huy", _ => $"/bienlai {_codes[0]}" }, _chats[chat]);
                break;
            case JourneyOp.PressCurrent(var chat, var button):
                Press(_chats[chat], ButtonMessages(_chats[chat]).LastOrDefault(), button);
                break;
            case JourneyOp.PressStale(var chat, var back, var button):
                var messages = ButtonMessages(_chats[chat]);
                Press(_chats[chat], messages.Count > back ? messages[^(back + 1)] : null, button);
                break;
            case JourneyOp.PressForged(var chat, var payload):
                if (_desk.Log(_chats[chat]).LastOrDefault(e => e.Outgoing) is { } last)
                    _desk.Chats.Handle(_chats[chat], new PressInput(payload, last.Id));
                break;
            case JourneyOp.Report report:
                Deliver(report);
                break;
            case JourneyOp.OpenLink(var attempt):
                if (Attempts() is { Count: > 0 } all) _desk.OpenLink(all[attempt % all.Count].LinkToken);
                break;
            case JourneyOp.PassTime(var minutes):
                _desk.Clock.Advance(TimeSpan.FromMinutes(minutes));
                _desk.Deadlines.Run();
                break;
            case JourneyOp.Restart:
                _desk = _desk.Restart();
                break;
        }
    }

    public void AssertInvariants()
    {
        var payments = _codes.SelectMany(code => _desk.Payments(code)).ToList();
        var receipts = _codes.Select(code => _desk.ReceiptOf(code)).OfType<Receipt>().ToList();

        // No receipt without money, and no money taken without it being recorded.
        Assert.All(payments.Where(p => p.State == PaymentState.Succeeded), p => Assert.Contains(p.Id, _moneyTaken));
        Assert.All(_moneyTaken, id => Assert.Equal(PaymentState.Succeeded, payments.Single(p => p.Id == id).State));
        foreach (var code in _codes)
        {
            var dossier = _desk.Dossier(code);
            var succeeded = payments.Where(p => p.DossierCode == code && p.State == PaymentState.Succeeded).ToList();
            var receipt = receipts.SingleOrDefault(r => r.DossierCode == code);
            Assert.Equal(dossier.Status == DossierStatus.Paid, receipt is not null);
            Assert.Equal(succeeded.Count > 0, receipt is not null);
            if (receipt is null) continue;
            // Two payments are never taken as one: the receipt is for one; any other is kept for refund.
            var paidBy = Assert.Single(succeeded, p => p.Id == receipt.PaymentId);
            Assert.Equal(paidBy.Amount, receipt.Total);
            Assert.NotEqual(PaymentFlag.NeedsRefund, paidBy.Flag);
            Assert.All(succeeded.Where(p => p.Id != receipt.PaymentId), p => Assert.Equal(PaymentFlag.NeedsRefund, p.Flag));
            // The receipt reached its payer exactly once.
            var payer = ChatAddress.FromKey(paidBy.PayerChatKey);
            Assert.Single(_desk.Log(payer), e => e.Outgoing && e.Text.StartsWith("✅ Thanh toán thành công!", StringComparison.Ordinal)
                && e.Text.Contains($"Biên lai số {receipt.NumberText()}", StringComparison.Ordinal));
        }

        foreach (var chat in _chats)
        {
            var conversation = _desk.Conversation(chat);
            switch (conversation.State)
            {
                case ConversationState.Idle:
                    Assert.Null(conversation.PaymentId);
                    Assert.Null(conversation.DossierCode);
                    break;
                case ConversationState.AwaitingPayment:
                    var payment = payments.Single(p => p.Id == conversation.PaymentId);
                    Assert.Equal(chat.Key, payment.PayerChatKey);
                    Assert.Equal(conversation.DossierCode, payment.DossierCode);
                    break;
                case ConversationState.ConfirmingFees or ConversationState.ChoosingBank:
                    Assert.Contains(conversation.DossierCode, _codes);
                    break;
            }
        }
    }

    public void Dispose() => _desk.Dispose();

    private List<Payment> Attempts() => [.. _codes.SelectMany(code => _desk.Payments(code)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)];

    private List<ChatLogEntry> ButtonMessages(ChatAddress chat) => [.. _desk.Log(chat).Where(e => e.Outgoing && (e.Choices.Count > 0 || e.RetiredChoices.Count > 0))];

    private void Press(ChatAddress chat, ChatLogEntry? message, int button)
    {
        if (message is null) return;
        var buttons = message.Choices.Concat(message.RetiredChoices).ToList();
        _desk.Chats.Handle(chat, new PressInput(buttons[button % buttons.Count].Payload, message.Id));
    }

    private void Deliver(JourneyOp.Report report)
    {
        var attempts = Attempts();
        if (attempts.Count == 0) return;
        var payment = attempts[report.Attempt % attempts.Count];
        if (report.WrongGateway)
        {
            var other = new[] { "VnPay", "MoMo", "ZaloPay" }.First(g => g != payment.Gateway);
            _desk.Settlement.Settle(_desk.Paid(payment) with { Gateway = other });
            return;
        }
        var outcome = _outcomes.TryGetValue(payment.Id, out var fixedOutcome) ? fixedOutcome : _outcomes[payment.Id] = report.Outcome;
        var gatewayReport = outcome switch
        {
            Outcome.Paid => _desk.Paid(payment, $"14{Math.Abs(payment.Id.GetHashCode()) % 1_000_000:000000}"),
            Outcome.Declined => _desk.Declined(payment),
            _ => _desk.Reversed(payment),
        };
        if (report.WrongAmount) gatewayReport = gatewayReport with { Amount = gatewayReport.Amount + 1_000 };
        else if (outcome == Outcome.Paid) _moneyTaken.Add(payment.Id);

        // ChatPay asks about an attempt only once its link was opened; before that, news can only come by IPN.
        if (report.ByStatusQuery && payment.OpenedAt is not null) _desk.Reconciliation.Record(payment.Id, new GatewayStatus.Reported(gatewayReport));
        else _desk.Settlement.Settle(gatewayReport);
    }
}
