namespace ChatPay.Domain.Payments;

/// <summary>
/// A bank or e-wallet the citizen can choose: paid through <paramref name="Gateway"/> (an adapter's name; empty: the
/// deployment's default), which is passed <paramref name="GatewayCode"/> where it lets the merchant preselect a method.
/// </summary>
public sealed record BankOption(string Code, string Name, string? GatewayCode = null, string Gateway = "");
