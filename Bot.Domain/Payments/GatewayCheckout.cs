namespace ChatPay.Domain.Payments;

/// <summary>
/// Where a gateway sends the person to pay one attempt, as it answered when the attempt was started there: its own
/// reference of the order, the page to redirect to, and an app deep link or a QR payload where it gives one.
/// </summary>
public sealed record GatewayCheckout(string Reference, string RedirectUrl, string? DeepLink = null, string? QrCode = null);
