namespace ChatPay.Domain.Payments;

/// <summary>What the gateway says happened to one attempt, from its signed callback or its status API.</summary>
public sealed record GatewayReport(
    string Reference,
    long Amount,
    bool Succeeded,
    string ResponseCode,
    string TransactionStatus,
    string? TransactionNo,
    string? BankCode,
    string? BankTransactionNo,
    string? CardType,
    DateTimeOffset? PaidAt)
{
    /// <summary>Debited at the bank but reversed (status 04) or held as suspected fraud (07): money the citizen is owed.</summary>
    public bool MoneyHeld => !Succeeded && (TransactionStatus is "04" or "07" || ResponseCode == "07");

    /// <summary>
    /// The gateway's verdict is final: a success, or a failure it does not change on its own — an error (status 02),
    /// a reversed debit (04) or money held as suspected fraud (07). Anything else (01 not completed, refund states,
    /// a status it has not documented) is no verdict: the attempt stays unsettled and the status API is asked.
    /// </summary>
    public bool Final => Succeeded || TransactionStatus is "02" or "04" or "07";
}
