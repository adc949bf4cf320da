using System.ComponentModel.DataAnnotations;
using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

public sealed class PaymentsOptions : IValidatableObject
{
    public const string Section = "Payments";

    public GatewayKind Gateway { get; set; } = GatewayKind.Sandbox;

    /// <summary>How long a payment link stays valid (also sent to the gateway as its order's expiry).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The banks and e-wallets offered, in order, each with the gateway it is paid through (empty: VNPay). Configuring
    /// this replaces the default list: every offered gateway's own choices.
    /// </summary>
    public List<BankOption> Banks { get; set; } = [];

    public SandboxOptions Sandbox { get; set; } = new();

    public ReconciliationOptions Reconciliation { get; set; } = new();

    /// <summary>The choices offered with these gateways: Payments:Banks (an empty gateway read as VNPay), or each gateway's defaults.</summary>
    public IReadOnlyList<BankOption> ChoicesFor(IReadOnlyList<GatewayModules.Module> offered) => Banks.Count > 0
        ? [.. Banks.Select(b => b.Gateway.Length > 0 ? b : b with { Gateway = PaymentGateways.Earliest })]
        : [.. offered.SelectMany(m => m.DefaultChoices)];

    /// <summary>The first configured choice whose gateway is not offered, or null.</summary>
    public BankOption? UnofferedChoice(IReadOnlyList<GatewayModules.Module> offered) =>
        ChoicesFor(offered).FirstOrDefault(c => offered.All(m => !string.Equals(m.Name, c.Gateway, StringComparison.Ordinal)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LinkLifetime < TimeSpan.FromMinutes(1) || LinkLifetime > TimeSpan.FromDays(1))
            yield return new ValidationResult("Payments:LinkLifetime must be between 1 minute and 1 day.");

        foreach (var bank in Banks)
        {
            if (string.IsNullOrEmpty(bank.Code) || bank.Code.Length > ButtonPayload.MaxArgumentLength || !bank.Code.All(char.IsAsciiLetterOrDigit))
                yield return new ValidationResult($"Payments:Banks: code '{bank.Code}' must be 1–{ButtonPayload.MaxArgumentLength} letters or digits.");
            if (string.IsNullOrWhiteSpace(bank.Name))
                yield return new ValidationResult($"Payments:Banks: bank '{bank.Code}' needs a name.");
        }
        if (Banks.Select(b => b.Code).Distinct().Count() != Banks.Count)
            yield return new ValidationResult("Payments:Banks: codes must be unique.");

        foreach (var error in Reconciliation.Validate()) yield return error;
        foreach (var error in Sandbox.Validate()) yield return error;
    }
}
