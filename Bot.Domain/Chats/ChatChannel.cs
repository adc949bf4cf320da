namespace ChatPay.Domain.Chats;

public enum ChatChannel
{
    Web,
    Telegram,
    Zalo,
}
