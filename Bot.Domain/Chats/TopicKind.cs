namespace ChatPay.Domain.Chats;

public enum TopicKind
{
    Alert,
    PaymentLink,
    Notice,
    Refund,
}
