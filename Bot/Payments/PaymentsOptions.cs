using System.ComponentModel.DataAnnotations;
using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

public sealed class PaymentsOptions : IValidatableObject
{
    public const string Section = "Payments";

    public GatewayKind Gateway { get; set; } = GatewayKind.Sandbox;

    /// <summary>How long a payment link stays valid (also sent to the gateway as vnp_ExpireDate).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The banks and e-wallets offered, in order. Configuring this replaces the default list.</summary>
    public List<BankOption> Banks { get; set; } = [];

    public VnPayOptions VnPay { get; set; } = new();

    public SandboxOptions Sandbox { get; set; } = new();

    public ReconciliationOptions Reconciliation { get; set; } = new();

    public IReadOnlyList<BankOption> BanksOrDefault() => Banks.Count > 0 ? Banks : DefaultBanks;

    /// <summary>Codes VNPay's payment page accepts as vnp_BankCode.</summary>
    public static readonly IReadOnlyList<BankOption> DefaultBanks =
    [
        new("VCB", "Vietcombank", "VIETCOMBANK"),
        new("CTG", "VietinBank", "VIETINBANK"),
        new("BIDV", "BIDV", "BIDV"),
        new("AGR", "Agribank", "AGRIBANK"),
        new("TCB", "Techcombank", "TECHCOMBANK"),
        new("MB", "MB Bank", "MBBANK"),
        new("QR", "Ví điện tử / quét mã VNPAY-QR", "VNPAYQR"),
        new("ATM", "Thẻ ATM, tài khoản ngân hàng khác", "VNBANK"),
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LinkLifetime < TimeSpan.FromMinutes(1) || LinkLifetime > TimeSpan.FromDays(1))
            yield return new ValidationResult("Payments:LinkLifetime must be between 1 minute and 1 day.");

        var banks = BanksOrDefault();
        foreach (var bank in banks)
        {
            if (string.IsNullOrEmpty(bank.Code) || bank.Code.Length > ButtonPayload.MaxArgumentLength || !bank.Code.All(char.IsAsciiLetterOrDigit))
                yield return new ValidationResult($"Payments:Banks: code '{bank.Code}' must be 1–{ButtonPayload.MaxArgumentLength} letters or digits.");
            if (string.IsNullOrWhiteSpace(bank.Name))
                yield return new ValidationResult($"Payments:Banks: bank '{bank.Code}' needs a name.");
        }
        if (banks.Select(b => b.Code).Distinct().Count() != banks.Count)
            yield return new ValidationResult("Payments:Banks: codes must be unique.");

        if (Gateway == GatewayKind.VnPay)
            foreach (var error in VnPay.ValidateForUse()) yield return error;
        foreach (var error in Reconciliation.Validate()) yield return error;
        foreach (var error in Sandbox.Validate()) yield return error;
    }
}
