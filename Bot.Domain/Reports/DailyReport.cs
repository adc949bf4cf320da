using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Reports;

/// <summary>
/// A day's reconciliation (GMT+7): every attempt the gateways settled that day, totals per agency, per gateway and per
/// fee line, and the discrepancies the gateways' status APIs revealed. Computed from stored records only, so the report
/// of a past day reads the same tomorrow; an old attempt settled today appears today, marked with the day it started.
/// </summary>
/// <param name="Checked">Of the <paramref name="ToCheck"/> attempts to ask their gateway about, how many were answered so far.</param>
public sealed record DailyReport(
    DateOnly Day,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<DailyReport.Total> ByAgency,
    IReadOnlyList<DailyReport.Total> ByGateway,
    IReadOnlyList<DailyReport.LineTotal> ByFeeLine,
    IReadOnlyList<Discrepancy> Discrepancies,
    int Checked,
    int ToCheck,
    IReadOnlyList<DailyReport.RefundLine> Refunds)
{
    /// <summary>A refund that ended that day (refunded, or refused by the gateway): money back is reported on the day it went back.</summary>
    public sealed record RefundLine(string RefundId, string PaymentId, string DossierCode, string AgencyCode, long Amount, bool Refunded, string? TransactionNo,
        string? GatewayMessage, DateTimeOffset FinishedAt);

    public long RefundedAmount => Refunds.Where(r => r.Refunded).Sum(r => r.Amount);

    /// <summary>Money received (paid, late, taken twice) by one agency or through one gateway.</summary>
    public sealed record Total(string Key, string Name, int Count, long Amount, int Duplicates, long DuplicateAmount);

    /// <summary>A fee or charge line's revenue over the receipts of the day.</summary>
    public sealed record LineTotal(string Kind, string Name, int Count, long Amount);

    public long Received => Rows.Where(r => r.Credited).Sum(r => r.Amount);

    /// <summary>The GMT+7 day's bounds as instants.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(DateOnly day)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
        return (from, from.AddDays(1));
    }

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(VietnamTime.Local(instant).DateTime);

    /// <summary>The report of <paramref name="day"/> for the agencies <paramref name="covers"/> accepts.</summary>
    public static DailyReport Build(IStoreSession session, DateOnly day, Func<string, bool> covers)
    {
        var (from, to) = Bounds(day);
        var dossiers = new Dictionary<string, Dossier?>();
        Dossier? DossierOf(string code) => dossiers.TryGetValue(code, out var known) ? known : dossiers[code] = session.Dossiers.Find(code);

        var rows = new List<ReportRow>();
        foreach (var payment in session.Payments.SettledBetween(from, to))
            if (DossierOf(payment.DossierCode) is { } dossier && covers(dossier.AgencyCode)) rows.Add(Row(session, payment, dossier, day));

        var discrepancies = new List<Discrepancy>();
        var checks = session.GatewayChecks.OfDay(day).ToDictionary(c => c.PaymentId);
        var (toCheck, answered) = (0, 0);
        foreach (var payment in AttemptsToCheck(session, day))
        {
            if (DossierOf(payment.DossierCode) is not { } dossier || !covers(dossier.AgencyCode)) continue;
            toCheck++;
            if (!checks.TryGetValue(payment.Id, out var check)) continue;
            answered++;
            var chatPayPaid = payment.State == PaymentState.Succeeded;
            var gatewayPaid = check.Outcome == GatewayOutcome.Succeeded;
            if (chatPayPaid != gatewayPaid && (gatewayPaid || check.Outcome is GatewayOutcome.Failed or GatewayOutcome.Unknown))
                discrepancies.Add(new Discrepancy(payment.Id, dossier.Code, dossier.AgencyCode, payment.Gateway, payment.Amount, gatewayPaid, check.Says, check.CheckedAt));
        }

        return new DailyReport(day, rows,
            Totals(rows, r => (r.AgencyCode, r.AgencyName)),
            Totals(rows, r => (r.Gateway, r.Gateway)),
            [.. rows.Where(r => r.State is ReportState.Paid or ReportState.Late).SelectMany(r => r.Lines)
                .GroupBy(l => (l.KindLabel, l.Name)).Select(g => new LineTotal(g.Key.KindLabel, g.Key.Name, g.Count(), g.Sum(l => l.Amount)))
                .OrderBy(t => t.Kind).ThenBy(t => t.Name)],
            discrepancies,
            answered,
            toCheck,
            [.. session.Refunds.FinishedBetween(from, to).Where(r => covers(r.AgencyCode))
                .Select(r => new RefundLine(r.Id, r.PaymentId, r.DossierCode, r.AgencyCode, r.Amount, r.State == ChatPay.Domain.Refunds.RefundState.Refunded,
                    r.GatewayTransactionNo, r.GatewayMessage, r.FinishedAt!.Value))]);
    }

    /// <summary>
    /// The attempts of the day whose gateway should be asked: those opened at the gateway and never settled (the money may
    /// have moved), and those ChatPay recorded as paid (the gateway must agree).
    /// </summary>
    public static IEnumerable<Payment> AttemptsToCheck(IStoreSession session, DateOnly day)
    {
        var (from, to) = Bounds(day);
        return session.Payments.OpenedBetween(from, to).Where(p => p.IsUnsettled || p.State == PaymentState.Succeeded);
    }

    private static ReportRow Row(IStoreSession session, Payment payment, Dossier dossier, DateOnly day)
    {
        var receipt = dossier.PaidByPaymentId == payment.Id && dossier.ReceiptId is { } id ? session.Receipts.Find(id) : null;
        var state = payment switch
        {
            { State: PaymentState.Failed, Flag: PaymentFlag.MoneyHeld } => payment.Outcome == GatewayOutcome.Held ? ReportState.Held : ReportState.Reversed,
            { State: PaymentState.Failed } => ReportState.Failed,
            { Flag: PaymentFlag.NeedsRefund } => ReportState.Duplicate,
            { Flag: PaymentFlag.LateSuccess } => ReportState.Late,
            _ => ReportState.Paid,
        };
        var startedOn = DayOf(payment.CreatedAt);
        return new ReportRow(payment.Id, dossier.Code, dossier.ProcedureName, dossier.AgencyCode, dossier.AgencyName, receipt?.Lines ?? dossier.Fees,
            payment.Amount, payment.Gateway, payment.TransactionNo, payment.PaidWith is { Length: > 0 } with && with != payment.BankName ? $"{payment.BankName} ({with})" : payment.BankName,
            payment.FinishedAt!.Value, receipt?.NumberText(), receipt?.Series, state, startedOn < day ? startedOn : null);
    }

    private static List<Total> Totals(List<ReportRow> rows, Func<ReportRow, (string Key, string Name)> by) =>
        [.. rows.Where(r => r.Credited).GroupBy(by).OrderBy(g => g.Key.Key).Select(g => new Total(g.Key.Key, g.Key.Name,
            g.Count(r => r.State != ReportState.Duplicate), g.Where(r => r.State != ReportState.Duplicate).Sum(r => r.Amount),
            g.Count(r => r.State == ReportState.Duplicate), g.Where(r => r.State == ReportState.Duplicate).Sum(r => r.Amount)))];
}
