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

    public long Total() => Fees.Sum(f => f.Amount);

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

    public void MarkPaid(string paymentId, string receiptId, DateTimeOffset paidAt)
    {
        if (Status != DossierStatus.AwaitingPayment) throw new InvalidOperationException($"Dossier {Code} is {Status}, not awaiting payment.");
        Status = DossierStatus.Paid;
        PaidByPaymentId = paymentId;
        ReceiptId = receiptId;
        PaidAt = paidAt;
    }

    public void Withdraw()
    {
        if (Status != DossierStatus.AwaitingPayment) throw new InvalidOperationException($"Dossier {Code} is {Status}, not awaiting payment.");
        Status = DossierStatus.Withdrawn;
    }
}
