namespace ChatPay.Domain.Chats;

/// <summary>Who a command is for. Staff commands work in groups too; citizens' only in a private chat.</summary>
public enum CommandUse
{
    Citizens,
    Staff,
}
