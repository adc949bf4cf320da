namespace ChatPay.Bot.Payments;

/// <summary>What became of a gateway's authentic callback; each adapter answers it in its own format.</summary>
public enum CallbackVerdict
{
    /// <summary>Stored (settled, or recorded as still without a verdict).</summary>
    Stored,
    /// <summary>Stored before: a repeat.</summary>
    AlreadyStored,
    /// <summary>No such attempt, or not one started through this gateway.</summary>
    UnknownPayment,
    /// <summary>The amount is not the attempt's: nothing is stored.</summary>
    AmountMismatch,
    /// <summary>Storing failed and was rolled back: the gateway should call again.</summary>
    Failed,
}
