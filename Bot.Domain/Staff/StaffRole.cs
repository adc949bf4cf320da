namespace ChatPay.Domain.Staff;

public enum StaffRole
{
    Officer,
    Support,
}
