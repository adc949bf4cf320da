using ChatPay.Domain.Chats;

namespace ChatPay.Domain.Payments;

/// <summary>
/// One attempt to pay a dossier's request through one gateway. Its id is the dossier code and the attempt number, so
/// support can read it; gateways are given it as (or inside) their own order reference.
/// </summary>
public sealed class Payment
{
    private Payment()
    {
        Id = DossierCode = BankCode = BankName = PayerChatKey = LinkToken = Gateway = "";
    }

    public string Id { get; private set; }
    public string DossierCode { get; private set; }
    public int Attempt { get; private set; }
    public int RequestVersion { get; private set; }
    public long Amount { get; private set; }
    public string BankCode { get; private set; }
    public string BankName { get; private set; }
    public string? GatewayBankCode { get; private set; }

    /// <summary>The gateway adapter the attempt is paid through (empty in attempts stored before there were several: the default one).</summary>
    public string Gateway { get; private set; }

    /// <summary>Where the gateway sends the person, from the moment the attempt was started there (the first click on its link).</summary>
    public GatewayCheckout? Checkout { get; private set; }
    public string PayerChatKey { get; private set; }

    /// <summary>The unguessable part of the citizen's payment link.</summary>
    public string LinkToken { get; private set; }

    public PaymentState State { get; private set; }
    public PaymentFlag Flag { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>What the gateway reported last, in the domain's words and in its own code.</summary>
    public GatewayOutcome? Outcome { get; private set; }
    public string? GatewayCode { get; private set; }

    /// <summary>Why the attempt did not succeed, as the gateway's adapter words it for the citizen.</summary>
    public string? FailureReason { get; private set; }
    public string? TransactionNo { get; private set; }

    /// <summary>The bank or wallet the gateway says the money came from.</summary>
    public string? PaidWith { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The gateway's own fields of its last report, kept for history and support.</summary>
    public Dictionary<string, string> GatewayDetails { get; private set; } = [];

    /// <summary>The gateway's code of a failure it later turned into a success ("24/02"), kept for the history.</summary>
    public string? FailedBefore { get; private set; }

    /// <summary>The gateway's own reference of the attempt: the one it was started with, else ChatPay's id.</summary>
    public string GatewayReference => Checkout?.Reference ?? Id;

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
        Gateway = bank.Gateway,
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

    /// <summary>The gateway took the order: the attempt keeps where it sends the person, and is never started there again.</summary>
    public void Started(GatewayCheckout checkout) => Checkout ??= checkout;

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
        LastCheck = $"cổng thanh toán báo chưa có kết quả (mã {report.Code})";
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
        if (State is PaymentState.Failed) FailedBefore = GatewayCode;
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
        Outcome = report.Outcome;
        GatewayCode = report.Code;
        FailureReason = report.Succeeded ? null : report.Reason;
        TransactionNo = report.TransactionNo;
        PaidWith = report.PaidWith;
        GatewayDetails = new Dictionary<string, string>(report.Details);
        FinishedAt = now;
        NextCheckAt = null;
    }
}
