namespace ChatPay.Domain.Payments;

/// <summary>Why a payment needs a person's attention although the money was handled correctly.</summary>
public enum PaymentFlag
{
    None,
    /// <summary>The gateway took the money after ChatPay had expired or abandoned the attempt.</summary>
    LateSuccess,
    /// <summary>The dossier was already paid (or withdrawn): this money must be refunded.</summary>
    NeedsRefund,
    /// <summary>The bank debited the citizen but the gateway reversed or held the payment: support follows it up.</summary>
    MoneyHeld,
    /// <summary>The gateway reported success after it had reported this attempt failed: support checks it.</summary>
    VerdictChanged,
}
