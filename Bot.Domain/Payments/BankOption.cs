namespace ChatPay.Domain.Payments;

/// <summary>A bank or e-wallet the citizen can choose. <paramref name="GatewayCode"/> is passed to the gateway, if any.</summary>
public sealed record BankOption(string Code, string Name, string? GatewayCode = null);
