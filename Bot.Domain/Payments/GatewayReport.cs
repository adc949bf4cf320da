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
    DateTimeOffset? PaidAt);
