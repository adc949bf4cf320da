using ChatPay.Domain.Chats;

namespace ChatPay.Domain.Payments;

/// <summary>
/// One attempt to pay a dossier's request. Its id is also the gateway reference (vnp_TxnRef):
/// the dossier code and the attempt number, so support can read it.
/// </summary>
public sealed class Payment
{
    private Payment()
    {
        Id = DossierCode = BankCode = BankName = PayerChatKey = LinkToken = "";
    }

    public string Id { get; private set; }
    public string DossierCode { get; private set; }
    public int Attempt { get; private set; }
    public int RequestVersion { get; private set; }
    public long Amount { get; private set; }
    public string BankCode { get; private set; }
    public string BankName { get; private set; }
    public string? GatewayBankCode { get; private set; }
    public string PayerChatKey { get; private set; }

    /// <summary>The unguessable part of the citizen's payment link.</summary>
    public string LinkToken { get; private set; }

    public PaymentState State { get; private set; }
    public PaymentFlag Flag { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? ResponseCode { get; private set; }
    public string? TransactionStatus { get; private set; }
    public string? TransactionNo { get; private set; }
    public string? PaidWithBankCode { get; private set; }
    public string? BankTransactionNo { get; private set; }
    public string? CardType { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The gateway's codes of a failure it later turned into a success ("24/02"), kept for the history.</summary>
    public string? FailedBefore { get; private set; }

    /// <summary>When the gateway's status API should next be asked about this attempt; null once its result is known.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <summary>How many times the status API was asked, and what it said last.</summary>
    public int Checks { get; private set; }
    public string? LastCheck { get; private set; }

    /// <summary>Opened at the gateway and no result reported yet: the money may or may not have moved.</summary>
    public bool IsUnsettled => OpenedAt is not null && State is not (PaymentState.Succeeded or PaymentState.Failed);

    public bool IsOpen => State is PaymentState.Created or PaymentState.Pending;

    /// <summary>When the open link expires; none once the attempt is closed.</summary>
    public DateTimeOffset? OpenUntil => IsOpen ? ExpiresAt : null;

    public ChatAddress Payer() => ChatAddress.FromKey(PayerChatKey);

    /// <summary>The dossier an attempt id ("{dossier code}_{attempt}") belongs to, or null if it is not one.</summary>
    public static string? DossierCodeOf(string paymentId) => paymentId.LastIndexOf('_') is > 0 and var split ? paymentId[..split] : null;

    public static Payment Start(string dossierCode, int attempt, int requestVersion, long amount, BankOption bank, ChatAddress payer, string linkToken, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = $"{dossierCode}_{attempt}",
        DossierCode = dossierCode,
        Attempt = attempt,
        RequestVersion = requestVersion,
        Amount = amount,
        BankCode = bank.Code,
        BankName = bank.Name,
        GatewayBankCode = bank.GatewayCode,
        PayerChatKey = payer.Key,
        LinkToken = linkToken,
        State = PaymentState.Created,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    /// <summary>The citizen followed the link to the gateway. Without a result by <paramref name="firstCheckAt"/>, the gateway is asked.</summary>
    public void Open(DateTimeOffset now, DateTimeOffset firstCheckAt)
    {
        if (State != PaymentState.Created) return;
        State = PaymentState.Pending;
        OpenedAt = now;
        NextCheckAt = firstCheckAt;
    }

    /// <summary>Someone reported a problem: ask the gateway now.</summary>
    public void RequestCheck(DateTimeOffset now)
    {
        if (IsUnsettled) NextCheckAt = now;
    }

    /// <summary>Records what the status API said and when to ask again (null: never).</summary>
    public void RecordCheck(string outcome, DateTimeOffset? next)
    {
        Checks++;
        LastCheck = outcome;
        NextCheckAt = IsUnsettled ? next : null;
    }

    /// <summary>
    /// The gateway reported the attempt without a final verdict: it stays unsettled (even if its link had closed) and
    /// the status API is asked now, then at the reconciliation's intervals.
    /// </summary>
    public void AwaitVerdict(GatewayReport report, DateTimeOffset now)
    {
        if (State is PaymentState.Succeeded or PaymentState.Failed)
            throw new InvalidOperationException($"Payment {Id} is already {State}.");
        OpenedAt ??= now;
        if (State == PaymentState.Created) State = PaymentState.Pending;
        LastCheck = $"cổng thanh toán báo chưa có kết quả (trạng thái {report.TransactionStatus})";
        NextCheckAt = now;
    }

    /// <summary>
    /// Records money the gateway took. Also valid after expiry or cancellation, and after a reported failure (the
    /// payer retried on the gateway's page): the money was taken all the same.
    /// </summary>
    public void Succeed(GatewayReport report, DateTimeOffset now, PaymentFlag flag)
    {
        if (State is PaymentState.Succeeded)
            throw new InvalidOperationException($"Payment {Id} is already {State}.");
        if (State is PaymentState.Failed) FailedBefore = $"{ResponseCode}/{TransactionStatus}";
        Record(report, now);
        State = PaymentState.Succeeded;
        Flag = flag;
        PaidAt = report.PaidAt ?? now;
    }

    public void Fail(GatewayReport report, DateTimeOffset now)
    {
        if (State is PaymentState.Succeeded or PaymentState.Failed)
            throw new InvalidOperationException($"Payment {Id} is already {State}.");
        Record(report, now);
        State = PaymentState.Failed;
        if (report.MoneyHeld) Flag = PaymentFlag.MoneyHeld;
    }

    public void Expire(DateTimeOffset now) => Close(PaymentState.Expired, now);

    public void Cancel(DateTimeOffset now) => Close(PaymentState.Cancelled, now);

    private void Close(PaymentState state, DateTimeOffset now)
    {
        if (!IsOpen) return;
        State = state;
        FinishedAt = now;
    }

    private void Record(GatewayReport report, DateTimeOffset now)
    {
        ResponseCode = report.ResponseCode;
        TransactionStatus = report.TransactionStatus;
        TransactionNo = report.TransactionNo;
        PaidWithBankCode = report.BankCode;
        BankTransactionNo = report.BankTransactionNo;
        CardType = report.CardType;
        FinishedAt = now;
        NextCheckAt = null;
    }
}
