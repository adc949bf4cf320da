using ChatPay.Domain.Notices;

namespace ChatPay.Domain.Dossiers;

/// <summary>
/// An administrative-procedure dossier (hồ sơ) and the payment request its agency made for it.
/// </summary>
public sealed class Dossier
{
    public Dossier(string code, string procedureName, string agencyCode, string agencyName, string applicantName, string? applicantPhone, DateTimeOffset filedAt)
    {
        Code = code;
        ProcedureName = procedureName;
        AgencyCode = agencyCode;
        AgencyName = agencyName;
        ApplicantName = applicantName;
        ApplicantPhone = applicantPhone;
        FiledAt = filedAt;
    }

    private Dossier()
    {
        Code = ProcedureName = AgencyCode = AgencyName = ApplicantName = "";
    }

    public string Code { get; private set; }
    public string ProcedureName { get; private set; }
    public string AgencyCode { get; private set; }
    public string AgencyName { get; private set; }
    public string ApplicantName { get; private set; }
    public string? ApplicantPhone { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public IReadOnlyList<FeeLine> Fees { get; private set; } = [];
    public DossierStatus Status { get; private set; } = DossierStatus.Submitted;

    /// <summary>Counts payment requests and amendments, so a stale screen can be told from the current request.</summary>
    public int RequestVersion { get; private set; }

    public DateTimeOffset? RequestedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public string? PaidByPaymentId { get; private set; }
    public string? ReceiptId { get; private set; }

    /// <summary>The officer (or agency chat) that took the paid dossier for processing.</summary>
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }

    /// <summary>When unclaimed officers are next reminded, and how often they were.</summary>
    public DateTimeOffset? NextReminderAt { get; private set; }
    public int RemindersSent { get; private set; }

    /// <summary>The token of the request's current one-tap link (<see cref="PayLink"/>); null before the first request.</summary>
    public string? PayLinkToken { get; private set; }

    /// <summary>When the applicant's linked chats are next told the request waits (the notice, then reminders); null: no more.</summary>
    public DateTimeOffset? NextNoticeAt { get; private set; }

    /// <summary>Notices and reminders sent for the current request, each with its outcome.</summary>
    public IReadOnlyList<NoticeRecord> Notices { get; private set; } = [];

    public long Total() => Fees.Sum(f => f.Amount);

    /// <summary>The applicant phone's keyed hash, which linked chats are matched by (see Notices.PhoneHash).</summary>
    public string? ApplicantPhoneHash { get; private set; }

    public void UsePhoneHash(string? hash) => ApplicantPhoneHash = hash;

    public void PlanNotice(DateTimeOffset? at) => NextNoticeAt = at;

    /// <summary>Notices sent for the current request (a new request starts again at the first notice).</summary>
    public int NoticesSent(int requestVersion) => Notices.Count(n => n.RequestVersion == requestVersion);

    public void RecordNotice(NoticeRecord record) => Notices = [.. Notices, record];

    public void UsePayLink(string token) => PayLinkToken = token;

    /// <summary>The officer's payment request (yêu cầu thanh toán): the lines to collect.</summary>
    public void RequestPayment(IReadOnlyList<FeeLine> fees, DateTimeOffset now)
    {
        if (Status == DossierStatus.Paid) throw new InvalidOperationException($"Dossier {Code} is already paid.");
        if (fees.Count == 0) throw new ArgumentException("A payment request needs at least one line.", nameof(fees));
        if (fees.Any(f => f.Amount <= 0 || string.IsNullOrWhiteSpace(f.Name)))
            throw new ArgumentException("Every line needs a name and a positive amount.", nameof(fees));

        Fees = [.. fees];
        Status = DossierStatus.AwaitingPayment;
        RequestVersion++;
        RequestedAt = now;
    }

    public void MarkPaid(string paymentId, string receiptId, DateTimeOffset paidAt, DateTimeOffset? firstReminderAt)
    {
        if (Status != DossierStatus.AwaitingPayment) throw new InvalidOperationException($"Dossier {Code} is {Status}, not awaiting payment.");
        Status = DossierStatus.Paid;
        NextNoticeAt = null;
        PaidByPaymentId = paymentId;
        ReceiptId = receiptId;
        PaidAt = paidAt;
        NextReminderAt = firstReminderAt;
    }

    /// <summary>The agency's details as the portal last sent them. Only an unpaid dossier changes.</summary>
    public void Describe(string procedureName, string agencyCode, string agencyName, string applicantName, string? applicantPhone)
    {
        if (Status == DossierStatus.Paid) throw new InvalidOperationException($"Dossier {Code} is paid.");
        ProcedureName = procedureName;
        AgencyCode = agencyCode;
        AgencyName = agencyName;
        ApplicantName = applicantName;
        ApplicantPhone = applicantPhone;
    }

    /// <summary>An officer takes the paid dossier. Only the first claim counts; returns whether this one did.</summary>
    public bool Claim(string by, DateTimeOffset at)
    {
        if (Status != DossierStatus.Paid || ClaimedBy is not null) return false;
        ClaimedBy = by;
        ClaimedAt = at;
        NextReminderAt = null;
        return true;
    }

    public void Reminded(DateTimeOffset? next)
    {
        RemindersSent++;
        NextReminderAt = next;
    }

    public void Withdraw()
    {
        if (Status != DossierStatus.AwaitingPayment) throw new InvalidOperationException($"Dossier {Code} is {Status}, not awaiting payment.");
        Status = DossierStatus.Withdrawn;
        NextNoticeAt = null;
    }
}
