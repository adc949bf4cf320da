namespace ChatPay.Domain.Reports;

/// <summary>
/// Where the gateway and ChatPay disagree about an attempt of the day, as the gateway's status API answered when asked.
/// </summary>
/// <param name="GatewayPaid">True: the gateway says paid and ChatPay has not settled it; false: ChatPay recorded money the gateway does not report.</param>
public sealed record Discrepancy(string PaymentId, string DossierCode, string AgencyCode, string Gateway, long Amount, bool GatewayPaid, string GatewaySays,
    DateTimeOffset CheckedAt);
