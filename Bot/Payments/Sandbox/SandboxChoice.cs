namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>What the person does on the sandbox bank page, and the VNPay codes each produces.</summary>
public enum SandboxChoice
{
    /// <summary>Pays: response 00, status 00.</summary>
    Pay,
    /// <summary>The bank declines for insufficient funds: response 51, status 02.</summary>
    Decline,
    /// <summary>The person cancels: response 24, status 02.</summary>
    Cancel,
}
