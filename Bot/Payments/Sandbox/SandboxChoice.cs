namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>What the person does on the sandbox bank page, and the VNPay codes (response, transaction status) each produces.</summary>
public enum SandboxChoice
{
    /// <summary>Pays: 00 / 00.</summary>
    Pay,
    /// <summary>Insufficient funds: 51 / 02.</summary>
    Decline,
    /// <summary>The person cancels: 24 / 02.</summary>
    Cancel,
    /// <summary>Wrong OTP: 13 / 02.</summary>
    WrongOtp,
    /// <summary>Card or account locked: 12 / 02.</summary>
    CardLocked,
    /// <summary>Debited at the bank but reversed at the gateway: 00 / 04. Success needs both codes 00, so this is not one.</summary>
    Reversed,
}
