using ChatPay.Bot.Operations;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

/// <summary>
/// Hands an authentic gateway callback to the domain's settlement, the same way for every gateway: one step, so a
/// repeat or two at once settle once; a failure rolls back and asks the gateway to call again.
/// </summary>
public sealed class GatewayCallbacks(PaymentSettlement settlement, ChatPayMetrics metrics, ILogger<GatewayCallbacks> logger)
{
    public CallbackVerdict Settle(GatewayReport report)
    {
        using var scope = logger.ForPayment(report.PaymentId);
        try
        {
            var verdict = settlement.Settle(report) switch
            {
                SettlementOutcome.Recorded => CallbackVerdict.Stored,
                SettlementOutcome.AlreadySettled => CallbackVerdict.AlreadyStored,
                SettlementOutcome.UnknownPayment => CallbackVerdict.UnknownPayment,
                _ => CallbackVerdict.AmountMismatch,
            };
            logger.LogInformation("{Gateway} callback for {PaymentId} ({Outcome}): {Verdict}", report.Gateway, report.PaymentId, report.Outcome, verdict);
            return verdict;
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Gateway} callback for {PaymentId} failed", report.Gateway, report.PaymentId);
            return CallbackVerdict.Failed;
        }
    }

    /// <summary>A callback whose signature (or merchant) did not hold: nothing in it was read.</summary>
    public void Refused(string gateway) => logger.LogWarning("A {Gateway} callback without a valid signature was refused", gateway);

    /// <summary>Counts the answer given, in the gateway's own code.</summary>
    public void Answered(string gateway, string code) => metrics.IpnAnswered(gateway, code);
}
