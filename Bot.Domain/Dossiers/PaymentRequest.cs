namespace ChatPay.Domain.Dossiers;

/// <summary>What the portal (or an agency system) asks ChatPay to collect for a dossier. The code is canonical.</summary>
public sealed record PaymentRequest(
    string DossierCode,
    string ProcedureName,
    string AgencyCode,
    string ApplicantName,
    string? ApplicantPhone,
    IReadOnlyList<FeeLine> Fees);
