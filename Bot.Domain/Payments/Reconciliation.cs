using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;

namespace ChatPay.Domain.Payments;

/// <summary>
/// Settles attempts whose result the gateway never sent, by asking its status API: through the same
/// settlement as the IPN, so a status answer and an IPN for one attempt settle it once between them.
/// </summary>
public sealed class Reconciliation(IChatPayStore store, TimeProvider clock, ChatPayRules rules, PaymentSettlement settlement)
{
    private readonly ProblemReports _reports = new();

    public IReadOnlyList<Payment> DueChecks(int limit) => store.Read(session => session.Payments.DueForCheck(clock.GetUtcNow(), limit));

    public void Record(string paymentId, GatewayStatus status) => store.Write(session =>
    {
        var payment = session.Payments.Find(paymentId);
        if (payment is null) return false;
        var now = clock.GetUtcNow();

        if (payment.IsUnsettled && status is GatewayStatus.Reported { Report.Final: true } reported)
        {
            var outcome = settlement.Settle(session, reported.Report);
            payment = session.Payments.Find(paymentId)!;
            payment.RecordCheck(Describe(status), null);
            if (outcome == SettlementOutcome.AmountMismatch)
                _reports.Escalate(session, session.Dossiers.Find(payment.DossierCode)!, SupportReason.AmountMismatch,
                    SupportReasons.AmountMismatch(payment, reported.Report.Amount), now);
        }
        else if (payment.IsUnsettled)
        {
            RecordNoResult(session, payment, status, now);
        }
        else
        {
            payment.RecordCheck(Describe(status), null);
        }
        session.Payments.Save(payment);
        _reports.Checked(session, payment.DossierCode, payment.Id, now);
        return true;
    });

    /// <summary>
    /// No final result. Before the link expired the person may still be paying: ask again later. After it,
    /// "no such order" or "not finished" means no money moved. Any other status without a verdict, and a gateway that
    /// will not answer, are asked about until the give-up time, then support is told.
    /// </summary>
    private void RecordNoResult(IStoreSession session, Payment payment, GatewayStatus status, DateTimeOffset now)
    {
        var linkClosed = now > payment.ExpiresAt + rules.Reconciliation.Delay;
        var noMoneyMoved = status is GatewayStatus.NotFound or GatewayStatus.Reported { Report.Outcome: GatewayOutcome.Pending };
        if (noMoneyMoved && linkClosed)
        {
            payment.Expire(now);
            payment.RecordCheck(Describe(status), null);
            return;
        }
        if (now > payment.ExpiresAt + rules.Reconciliation.GiveUpAfter)
        {
            payment.RecordCheck(Describe(status), null);
            _reports.Escalate(session, session.Dossiers.Find(payment.DossierCode)!, SupportReason.GatewaySilent,
                SupportReasons.GatewaySilent(payment), now);
            return;
        }
        payment.RecordCheck(Describe(status), rules.Reconciliation.NextAfter(payment.Checks + 1, now));
    }

    private static string Describe(GatewayStatus status) => status switch
    {
        GatewayStatus.Reported { Report: var r } => $"mã {r.Code}",
        GatewayStatus.NotFound => "không có giao dịch",
        GatewayStatus.Unavailable u => $"không trả lời được ({u.Reason})",
        _ => "?",
    };
}
