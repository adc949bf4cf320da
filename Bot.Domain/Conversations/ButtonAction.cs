namespace ChatPay.Domain.Conversations;

public enum ButtonAction
{
    ConfirmFees,
    ChooseBank,
    ChangeBank,
    Cancel,
}
