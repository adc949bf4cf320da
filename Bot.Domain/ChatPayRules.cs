using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;

namespace ChatPay.Domain;

/// <summary>The rules a deployment sets: timings, the banks offered, receipt numbering, staff, reconciliation.</summary>
public sealed record ChatPayRules(
    TimeSpan IdleTimeout,
    TimeSpan LinkLifetime,
    IReadOnlyList<BankOption> Banks,
    ReceiptRules Receipts,
    StaffRules Staff,
    ReconciliationRules Reconciliation,
    CodeLookupRules CodeLookups);
