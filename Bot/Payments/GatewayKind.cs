namespace ChatPay.Bot.Payments;

public enum GatewayKind
{
    /// <summary>VNPay's protocol against the sandbox the bot serves itself: no credentials, no real money.</summary>
    Sandbox,
    VnPay,
}
