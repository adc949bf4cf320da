namespace ChatPay.Domain.Dossiers;

/// <summary>One line of a payment request: its kind, its name as the fee schedule words it, its amount in whole đồng.</summary>
public sealed record FeeLine(FeeKind Kind, string Name, long Amount)
{
    public string KindLabel => Kind == FeeKind.Fee ? "Phí" : "Lệ phí";
}
