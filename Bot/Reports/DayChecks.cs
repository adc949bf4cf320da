using ChatPay.Bot.Payments;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Reports;

/// <summary>
/// Asks each gateway's status API about the day's attempts that need it (<see cref="DailyReport.AttemptsToCheck"/>), at
/// most <see cref="PerSecond"/> a second (gateways limit their query APIs), storing each answer: a run stopped half way
/// resumes where it was, and an attempt already answered is not asked again. An attempt the gateway cannot answer about
/// now (network, its error) is left for the next run.
/// </summary>
public sealed class DayChecks(IChatPayStore store, PaymentGateways gateways, TimeProvider clock, ILogger<DayChecks> logger)
{
    public const int PerSecond = 5;

    /// <summary>Asks about every attempt of <paramref name="day"/> not answered yet; returns how many were answered now.</summary>
    public async Task<int> RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var pending = store.Read(session =>
        {
            var answered = session.GatewayChecks.OfDay(day).Select(c => c.PaymentId).ToHashSet();
            return DailyReport.AttemptsToCheck(session, day).Where(p => !answered.Contains(p.Id)).ToList();
        });
        var answeredNow = 0;
        using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / PerSecond), clock);
        foreach (var payment in pending)
        {
            if (gateways.For(payment) is not { } gateway) continue;
            var status = await gateway.QueryAsync(payment, cancellationToken);
            var (outcome, says) = status switch
            {
                GatewayStatus.Reported reported => (reported.Report.Outcome, $"{reported.Report.Outcome} ({reported.Report.Code})"),
                GatewayStatus.NotFound => (GatewayOutcome.Unknown, "không có giao dịch"),
                _ => ((GatewayOutcome?)null, ""),
            };
            if (outcome is { } known)
            {
                store.Write(session =>
                {
                    session.GatewayChecks.Save(new GatewayCheck
                    {
                        Id = GatewayCheck.IdFor(day, payment.Id), Day = day.ToString("yyyy-MM-dd"), PaymentId = payment.Id, Outcome = known, Says = says,
                        CheckedAt = clock.GetUtcNow(),
                    });
                    return true;
                });
                answeredNow++;
            }
            else logger.LogInformation("The gateway could not answer about {PaymentId} now; the next run asks again", payment.Id);
            await pace.WaitForNextTickAsync(cancellationToken);
        }
        return answeredNow;
    }
}
