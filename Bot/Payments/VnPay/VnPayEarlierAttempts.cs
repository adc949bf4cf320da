using ChatPay.Bot.Storage;
using ChatPay.Domain.Payments;
using LiteDB;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>
/// Attempts stored before the gateway port kept VNPay's codes in fields of their own (ResponseCode, TransactionStatus,
/// PaidWithBankCode, BankTransactionNo, CardType). At start they are moved into the neutral fields — outcome, code, reason
/// — and VNPay's own details, once, so the history and the API read them like every other attempt. Done once per database
/// (<see cref="Marker"/>): the search reads every attempt, which no later start should pay for.
/// </summary>
public sealed class VnPayEarlierAttempts(LiteDbStore store, HostSettings settings, ILogger<VnPayEarlierAttempts> logger) : IHostedService
{
    /// <summary>The setting that says this database's attempts were moved.</summary>
    public const string Marker = "moved.vnpayAttempts";

    private static readonly (string Earlier, string Field)[] Details =
        [("ResponseCode", "vnp_ResponseCode"), ("TransactionStatus", "vnp_TransactionStatus"), ("PaidWithBankCode", "vnp_BankCode"),
         ("BankTransactionNo", "vnp_BankTranNo"), ("CardType", "vnp_CardType"), (nameof(Payment.TransactionNo), "vnp_TransactionNo")];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        settings.GetOrCreate(Marker, () =>
        {
            MoveEarlierAttempts();
            return "done";
        });
        return Task.CompletedTask;
    }

    private void MoveEarlierAttempts()
    {
        var moved = store.WriteDirect(db =>
        {
            var payments = db.GetCollection(LitePayments.Collection);
            var earlier = payments.Find($"$.ResponseCode != null AND $.{nameof(Payment.GatewayCode)} = null").ToList();
            foreach (var attempt in earlier) payments.Update(MoveForward(attempt));
            return earlier.Count;
        });
        if (moved > 0) logger.LogInformation("{Count} attempts stored by an earlier version were moved to the neutral payment fields", moved);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static BsonDocument MoveForward(BsonDocument attempt)
    {
        string Text(string name) => attempt[name].IsString ? attempt[name].AsString : "";
        var (response, status) = (Text("ResponseCode"), Text("TransactionStatus"));
        var outcome = VnPayCodes.Outcome(response, status);
        var details = new BsonDocument();
        foreach (var (earlier, field) in Details)
            if (Text(earlier).Length > 0) details[field] = Text(earlier);
        attempt[nameof(Payment.Gateway)] = VnPayAdapter.GatewayName;
        attempt[nameof(Payment.Outcome)] = outcome.ToString();
        attempt[nameof(Payment.GatewayCode)] = VnPayCodes.Code(response, status);
        if (outcome != GatewayOutcome.Succeeded) attempt[nameof(Payment.FailureReason)] = VnPayCodes.Explain(response, status);
        if (Text("PaidWithBankCode").Length > 0) attempt[nameof(Payment.PaidWith)] = Text("PaidWithBankCode");
        attempt[nameof(Payment.GatewayDetails)] = details;
        foreach (var (earlier, _) in Details.Where(d => d.Earlier != nameof(Payment.TransactionNo))) attempt.Remove(earlier);
        return attempt;
    }
}
