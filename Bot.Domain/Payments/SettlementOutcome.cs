namespace ChatPay.Domain.Payments;

/// <summary>How a gateway report was taken; gateway adapters map this onto their own answer codes.</summary>
public enum SettlementOutcome
{
    /// <summary>The result (success or failure) is now recorded.</summary>
    Recorded,
    /// <summary>The attempt already had its result; nothing changed.</summary>
    AlreadySettled,
    UnknownPayment,
    AmountMismatch,
}
