using ChatPay.Domain.Chats;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;

namespace ChatPay.Domain.Refunds;

/// <summary>
/// Refunds, with two people and the money rules: one asks (support in chat, or an agency's system through the API),
/// another approves (an officer of the dossier's agency, or another support member); a refund never exceeds what was
/// taken minus what is already refunded or on its way; it is sent once and its answer recorded; a refused one becomes a
/// support case; the payer is told in the chat they paid from.
/// </summary>
public sealed class RefundDesk
{
    private static readonly TimeSpan MaxCheckInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan ProcessingRecheck = TimeSpan.FromSeconds(5);
    private readonly ProblemReports _reports = new();

    public abstract record Outcome
    {
        private Outcome() { }

        public sealed record Created(Refund Refund) : Outcome;

        /// <summary>The same API request again (its Idempotency-Key): the refund it made.</summary>
        public sealed record Repeated(Refund Refund) : Outcome;

        public sealed record NothingToRefund : Outcome;

        public sealed record TooMuch(long Left) : Outcome;
    }

    /// <summary>What of the attempt may still be refunded: what was taken, minus every refund not refused or declined.</summary>
    public static long Refundable(IStoreSession session, Payment payment) =>
        payment.State == PaymentState.Succeeded ? payment.Amount - session.Refunds.OfPayment(payment.Id).Where(r => r.Holds).Sum(r => r.Amount) : 0;

    /// <summary>
    /// Asks to refund <paramref name="amount"/> (all that is left: null) of an attempt; the approvers are asked in their chats.
    /// </summary>
    public Outcome Request(IStoreSession session, string paymentId, long? amount, string reason, string requestedBy, string requesterName,
        string? idempotencyKey, DateTimeOffset now, Func<string, bool>? mayActFor = null)
    {
        if (idempotencyKey is not null && session.Refunds.FindByIdempotencyKey(idempotencyKey) is { } earlier) return new Outcome.Repeated(earlier);
        var payment = session.Payments.Find(paymentId);
        var dossier = payment is null ? null : session.Dossiers.Find(payment.DossierCode);
        if (payment is null || dossier is null || mayActFor is not null && !mayActFor(dossier.AgencyCode)) return new Outcome.NothingToRefund();
        var left = Refundable(session, payment);
        if (left <= 0) return new Outcome.NothingToRefund();
        var asked = amount ?? left;
        if (asked <= 0 || asked > left) return new Outcome.TooMuch(left);

        var refund = new Refund
        {
            Id = $"{payment.Id}-r{session.Refunds.OfPayment(payment.Id).Count + 1}", PaymentId = payment.Id, DossierCode = dossier.Code,
            AgencyCode = dossier.AgencyCode, Amount = asked, Full = asked == payment.Amount, Reason = reason, RequestedBy = requestedBy,
            RequesterName = requesterName, RequestedAt = now, IdempotencyKey = idempotencyKey,
        };
        session.Refunds.Save(refund);
        var approval = RefundTexts.Approval(refund, dossier, payment);
        foreach (var approver in Approvers(session, refund).Where(key => key != requestedBy))
            session.ChatLog.Send(ChatAddress.FromKey(approver), approval, now, approval.Topic);
        return new Outcome.Created(refund);
    }

    /// <summary>A press on "Duyệt hoàn tiền" or "Từ chối": the reply for the chat that pressed, or null when every copy was updated.</summary>
    public OutgoingMessage? Decide(IStoreSession session, ChatAddress chat, string refundId, bool approve, string? name, DateTimeOffset now)
    {
        if (session.Refunds.Find(refundId) is not { } refund) return RefundTexts.Unknown();
        if (refund.State != RefundState.AwaitingApproval) return RefundTexts.AlreadyDecided(refund);
        if (chat.Key == refund.RequestedBy) return RefundTexts.NotYours();
        if (!Approvers(session, refund).Contains(chat.Key)) return RefundTexts.NotAllowed();

        refund.State = approve ? RefundState.Approved : RefundState.Declined;
        refund.ApprovedBy = chat.Key;
        refund.ApproverName = string.IsNullOrWhiteSpace(name) ? StaffTexts.SomeOfficer : name.Trim();
        refund.DecidedAt = now;
        refund.NextAttemptAt = approve ? now : null;
        session.Refunds.Save(refund);
        UpdateApprovals(session, refund);
        return null;
    }

    /// <summary>
    /// Before a send: the refund counts as sent (its status is asked after a crash, never sent again blindly).
    /// </summary>
    public void Sending(IStoreSession session, Refund refund, DateTimeOffset now)
    {
        refund.State = RefundState.Checking;
        refund.Attempts++;
        refund.NextAttemptAt = now + Backoff(refund.Attempts);
        session.Refunds.Save(refund);
    }

    /// <summary>The gateway's answer to a send or a status query.</summary>
    public void Record(IStoreSession session, string refundId, RefundResult result, DateTimeOffset now)
    {
        if (session.Refunds.Find(refundId) is not { State: RefundState.Checking } refund) return;
        switch (result)
        {
            case RefundResult.Done done:
                refund.State = RefundState.Refunded;
                refund.GatewayCode = done.Code;
                refund.GatewayTransactionNo = done.TransactionNo;
                refund.FinishedAt = now;
                refund.NextAttemptAt = null;
                if (session.Payments.Find(refund.PaymentId) is { } payment)
                    session.ChatLog.Send(payment.Payer(), RefundTexts.ToCitizen(refund, payment), now);
                break;
            case RefundResult.Refused or RefundResult.Unsupported:
                refund.State = RefundState.Refused;
                (refund.GatewayCode, refund.GatewayMessage) = result is RefundResult.Refused refused
                    ? (refused.Code, refused.Reason)
                    : ("unsupported", "cổng thanh toán không hỗ trợ hoàn tiền qua API; cần hoàn thủ công trên trang quản trị của cổng");
                refund.FinishedAt = now;
                refund.NextAttemptAt = null;
                if (session.Dossiers.Find(refund.DossierCode) is { } dossier)
                    _reports.Escalate(session, dossier, SupportReason.Refund, $"Hoàn tiền {refund.Id} không thực hiện được: {refund.GatewayMessage}", now);
                break;
            case RefundResult.NotFound:
                // The gateway never got it: it may be sent now.
                refund.State = RefundState.Approved;
                refund.NextAttemptAt = now;
                break;
            case RefundResult.Processing processing:
                refund.GatewayMessage = processing.Reason;
                refund.NextAttemptAt = now + ProcessingRecheck;
                break;
            case RefundResult.Unknown unknown:
                refund.GatewayMessage = unknown.Reason;
                refund.NextAttemptAt = now + Backoff(refund.Attempts);
                break;
        }
        session.Refunds.Save(refund);
        UpdateApprovals(session, refund);
    }

    /// <summary>Who may approve: the officers of the dossier's agency, and support.</summary>
    private static HashSet<string> Approvers(IStoreSession session, Refund refund) =>
    [
        .. session.Enrollments.Find(StaffRole.Officer, refund.AgencyCode).Select(e => e.ChatKey),
        .. session.Enrollments.Find(StaffRole.Support, "").Select(e => e.ChatKey),
    ];

    private static void UpdateApprovals(IStoreSession session, Refund refund)
    {
        foreach (var sent in session.ChatLog.OnTopic(MessageTopic.Refund(refund.Id)))
            session.ChatLog.Replace(sent.Id, RefundTexts.Decided(StripStatus(sent.Message), refund));
    }

    /// <summary>The approval request as first sent (each update replaces the status line it added).</summary>
    private static OutgoingMessage StripStatus(OutgoingMessage message)
    {
        var lines = message.Text.Split('\n');
        var keep = lines.TakeWhile(l => !l.StartsWith("Cần một người khác")).Count() + 1;
        return message with { Text = string.Join('\n', lines.Take(Math.Min(keep, lines.Length))) };
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(MaxCheckInterval.TotalMinutes, Math.Pow(2, Math.Max(0, attempts - 1))));
}
