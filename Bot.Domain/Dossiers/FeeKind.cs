namespace ChatPay.Domain.Dossiers;

/// <summary>Phí (a fee for a service) or lệ phí (a charge for a state act), as the Law on Fees and Charges tells them apart.</summary>
public enum FeeKind
{
    Fee,
    Charge,
}
