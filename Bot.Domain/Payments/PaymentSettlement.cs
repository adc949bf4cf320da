using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Security;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Payments;

/// <summary>
/// Applies what the gateway reports about an attempt. Everything a success entails — the payment, the
/// receipt with its number, the dossier, the citizen's receipt message, the officers' alerts — is written in
/// one step, so a crash leaves either all of it or none, and a repeated report finds the attempt settled.
/// </summary>
public sealed class PaymentSettlement(IChatPayStore store, TimeProvider clock, ChatPayRules rules, IPublicLinks links)
{
    private readonly ConversationSteps _steps = new(rules, links);

    private readonly ProblemReports _reports = new();
    private readonly Alerts _alerts = new(rules, links);

    public SettlementOutcome Settle(GatewayReport report) => store.Write(session => Settle(session, report));

    /// <summary>Settles inside a step the caller opened (the status-query reconciliation does).</summary>
    internal SettlementOutcome Settle(IStoreSession session, GatewayReport report)
    {
        var payment = session.Payments.Find(report.PaymentId);
        // A gateway speaks only for the attempts started through it (an empty name: one stored before there were several).
        if (payment is null || (payment.Gateway.Length > 0 && payment.Gateway != report.Gateway)) return SettlementOutcome.UnknownPayment;
        if (payment.Amount != report.Amount) return SettlementOutcome.AmountMismatch;
        if (payment.State == PaymentState.Succeeded) return SettlementOutcome.AlreadySettled;
        // A failure stands unless the gateway now reports the money taken (the payer retried on its page): that is never dropped.
        if (payment.State == PaymentState.Failed && !report.Succeeded) return SettlementOutcome.AlreadySettled;

        var now = clock.GetUtcNow();
        var dossier = session.Dossiers.Find(payment.DossierCode)
            ?? throw new InvalidOperationException($"Payment {payment.Id} has no dossier.");

        if (!report.Final)
        {
            payment.AwaitVerdict(report, now);
            session.Payments.Save(payment);
            return SettlementOutcome.Recorded;
        }
        var failedBefore = payment.State == PaymentState.Failed;
        if (!report.Succeeded) Fail(session, payment, report, now);
        else if (dossier.Status == DossierStatus.AwaitingPayment && dossier.RequestVersion == payment.RequestVersion)
            Succeed(session, payment, dossier, report, now, failedBefore ? PaymentFlag.VerdictChanged : null);
        else
            KeepForRefund(session, payment, dossier, report, now);
        if (failedBefore)
            _reports.Escalate(session, dossier, SupportReason.VerdictChanged,
                SupportReasons.VerdictChanged(payment), now);
        return SettlementOutcome.Recorded;
    }

    private void Fail(IStoreSession session, Payment payment, GatewayReport report, DateTimeOffset now)
    {
        payment.Fail(report, now);
        session.Payments.Save(payment);
        _steps.Notify(session, payment.Payer(), now, (conversation, context) => conversation.PaymentFailed(payment, context));
        if (!report.MoneyHeld) return;

        // The citizen's money is held by the bank or the gateway: support follows it up, and the citizen hears — even if
        // they moved on — their case number, what happens next and by when, and whom to call, not a bank list to pay again.
        var supportCase = _reports.Escalate(session, session.Dossiers.Find(payment.DossierCode)!, SupportReason.MoneyHeld,
            SupportReasons.MoneyHeld(payment, report), now);
        session.ChatLog.Send(payment.Payer(), CitizenTexts.MoneyHeld(payment, supportCase.Reference, rules.SupportDesk), now);
    }

    private void Succeed(IStoreSession session, Payment payment, Dossier dossier, GatewayReport report, DateTimeOffset now, PaymentFlag? flag)
    {
        payment.Succeed(report, now, flag ?? (payment.IsOpen ? PaymentFlag.None : PaymentFlag.LateSuccess));
        session.Payments.Save(payment);

        var receipt = IssueReceipt(session, payment, dossier);
        dossier.MarkPaid(payment.Id, receipt.Id, receipt.PaidAt, _alerts.FirstReminderAt(now));
        session.Dossiers.Save(dossier);

        var receiptUrl = links.ReceiptUrl(receipt);
        session.ChatLog.Send(payment.Payer(), CitizenTexts.Receipt(receipt, receiptUrl, justPaid: true), now);
        _steps.Notify(session, payment.Payer(), now, (conversation, context) => conversation.PaymentSucceeded(payment, context));
        CloseOtherAttempts(session, payment, receipt, now);
        _reports.DossierPaid(session, dossier, now);
        _alerts.PaymentCleared(session, dossier, receipt, now);
        session.Events.Publish(new DossierPaid(dossier.Code, dossier.AgencyCode, receipt.Total, receipt.NumberText(), receipt.Series,
            receipt.PaidAt, receipt.GatewayTransactionNo, receiptUrl));
    }

    /// <summary>Another chat may be paying the same dossier at this moment: its link is closed and it is told why.</summary>
    private void CloseOtherAttempts(IStoreSession session, Payment paid, Receipt receipt, DateTimeOffset now)
    {
        foreach (var other in session.Payments.OfDossier(paid.DossierCode).Where(p => p.IsOpen))
        {
            other.Cancel(now);
            session.Payments.Save(other);
            if (other.PayerChatKey == paid.PayerChatKey) continue;
            _steps.Notify(session, other.Payer(), now, (conversation, context) =>
                conversation.RequestClosed(other.DossierCode, CitizenTexts.PaidElsewhere(receipt), context));
        }
    }

    /// <summary>Money arrived for a request that is no longer payable (paid by another attempt, amended, withdrawn).</summary>
    private void KeepForRefund(IStoreSession session, Payment payment, Dossier dossier, GatewayReport report, DateTimeOffset now)
    {
        payment.Succeed(report, now, PaymentFlag.NeedsRefund);
        session.Payments.Save(payment);
        session.ChatLog.Send(payment.Payer(), CitizenTexts.PaidTwice(payment), now);
        _steps.Notify(session, payment.Payer(), now, (conversation, context) => conversation.PaymentSucceeded(payment, context));

        _reports.Escalate(session, dossier, SupportReason.Refund, SupportReasons.Refund(dossier, payment), now);
    }

    private Receipt IssueReceipt(IStoreSession session, Payment payment, Dossier dossier)
    {
        var paidAt = payment.PaidAt!.Value;
        var year = VietnamTime.Local(paidAt).Year;
        var trial = rules.Receipts.Trial;
        var number = session.Receipts.TakeNextNumber(year, trial);
        var agency = rules.Staff.Agency(dossier.AgencyCode);
        var receipt = new Receipt
        {
            Id = Receipt.IdFor(year, number, trial),
            Year = year,
            Number = number,
            FormNumber = rules.Receipts.FormNumber,
            Series = rules.Receipts.SeriesFor(year),
            DossierCode = dossier.Code,
            ProcedureName = dossier.ProcedureName,
            AgencyCode = dossier.AgencyCode,
            AgencyName = dossier.AgencyName,
            AgencyTaxCode = agency?.TaxCode ?? "",
            AgencyAddress = agency?.Address ?? "",
            PayerName = dossier.ApplicantName,
            Lines = dossier.Fees,
            Total = payment.Amount,
            PaidAt = paidAt,
            BankName = payment.BankName,
            GatewayTransactionNo = payment.TransactionNo,
            PaymentId = payment.Id,
            AccessToken = Secrets.NewToken(),
            LookupCode = Secrets.NewLookupCode(),
            Trial = trial,
        };
        session.Receipts.Add(receipt);
        return receipt;
    }
}
