namespace ChatPay.Domain.Conversations;

/// <summary>The chat-log topic of the message carrying an attempt's payment link, closed when the attempt ends.</summary>
public static class PaymentLinkTopic
{
    public static string For(string paymentId) => $"link:{paymentId}";
}
