using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;

namespace ChatPay.Domain;

/// <summary>The rules a deployment sets: timings, the banks offered, receipt numbering, staff, reconciliation, support's promise.</summary>
public sealed record ChatPayRules(
    TimeSpan IdleTimeout,
    TimeSpan LinkLifetime,
    IReadOnlyList<BankOption> Banks,
    ReceiptRules Receipts,
    StaffRules Staff,
    ReconciliationRules Reconciliation,
    CodeLookupRules CodeLookups,
    SupportRules? Support = null,
    NoticeRules? Notices = null)
{
    /// <summary>How citizens are told a payment is requested (none configured: no phone linking, default reminders and quiet hours).</summary>
    public NoticeRules NoticeDesk => Notices ?? NoticeRules.None;

    /// <summary>Support's hotline and answer time as told to citizens (none configured: no hotline, 24 hours).</summary>
    public SupportRules SupportDesk => Support ?? new SupportRules("", TimeSpan.FromHours(24));
}

/// <summary>What a citizen whose money is held is told: the support hotline, and how soon support answers.</summary>
public sealed record SupportRules(string Hotline, TimeSpan AnswerWithin);
