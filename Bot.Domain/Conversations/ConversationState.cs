namespace ChatPay.Domain.Conversations;

public enum ConversationState
{
    Idle,
    AwaitingCode,
    ConfirmingFees,
    ChoosingBank,
    AwaitingPayment,
    Done,
}
