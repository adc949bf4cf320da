using ChatPay.Domain.Receipts;

namespace ChatPay.Domain.Storage;

public interface IReceipts
{
    Receipt? Find(string id);
    Receipt? FindByAccessToken(string token);
    /// <summary>Takes the next number of the year's series. Inside a write it is gap-free: a rolled-back step returns it.</summary>
    int TakeNextNumber(int year);
    void Add(Receipt receipt);
}
