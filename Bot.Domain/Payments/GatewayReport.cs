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

    /// <summary>The gateway has no final result yet (status 01: the person may still be on its pages).</summary>
    public bool Unfinished => TransactionStatus == "01";
}
