using ChatPay.Domain.Receipts;

namespace ChatPay.Domain.Storage;

public interface IReceipts
{
    Receipt? Find(string id);
    Receipt? FindByAccessToken(string token);
    Receipt? FindByLookupCode(string lookupCode);
    /// <summary>Takes the next number of the year's series (the trial series has its own). Inside a write it is gap-free: a rolled-back step returns it.</summary>
    int TakeNextNumber(int year, bool trial = false);
    void Add(Receipt receipt);
}
