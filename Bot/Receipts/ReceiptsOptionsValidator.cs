using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Receipts;

/// <summary>A configured certificate must open and be able to sign, or ChatPay does not start.</summary>
public sealed class ReceiptsOptionsValidator : IValidateOptions<ReceiptsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReceiptsOptions options) =>
        options.Certificate.Problem($"{ReceiptsOptions.Section}:Certificate") is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
