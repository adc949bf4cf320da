namespace ChatPay.Domain.Payments;

/// <summary>
/// What a gateway says happened to one attempt, from its signed callback or its status API, in the domain's words.
/// </summary>
/// <param name="Gateway">The adapter's name ("VnPay", "MoMo", "ZaloPay").</param>
/// <param name="PaymentId">The attempt, as the adapter read it from the gateway's reference.</param>
/// <param name="Amount">Whole đồng, as the gateway reports it (-1 when it reported something that is not an amount).</param>
/// <param name="Code">The gateway's own result code(s), kept for history and support ("24/02", "1006").</param>
/// <param name="Reason">Why it did not succeed, in Vietnamese a citizen can read (the adapter's mapping of its codes).</param>
/// <param name="TransactionNo">The gateway's transaction number.</param>
/// <param name="PaidWith">The bank or wallet the gateway says the money came from.</param>
public sealed record GatewayReport(
    string Gateway,
    string PaymentId,
    long Amount,
    GatewayOutcome Outcome,
    string Code,
    string? Reason,
    string? TransactionNo,
    string? PaidWith,
    DateTimeOffset? PaidAt)
{
    /// <summary>The gateway's own fields, opaque to the domain: kept with the attempt for history and support.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    public bool Succeeded => Outcome == GatewayOutcome.Succeeded;

    /// <summary>Debited but not a success: money the citizen is owed, or that support must look into.</summary>
    public bool MoneyHeld => Outcome is GatewayOutcome.Reversed or GatewayOutcome.Held;

    /// <summary>
    /// The gateway's verdict is final: a success, or a failure it does not change on its own. Anything else (not finished,
    /// a state the adapter cannot read) is no verdict: the attempt stays unsettled and the status API is asked.
    /// </summary>
    public bool Final => Outcome is GatewayOutcome.Succeeded or GatewayOutcome.Failed or GatewayOutcome.Reversed or GatewayOutcome.Held;
}
