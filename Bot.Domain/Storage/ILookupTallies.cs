using ChatPay.Domain.Dossiers;

namespace ChatPay.Domain.Storage;

public interface ILookupTallies
{
    LookupTally? Find(string chatKey);
    void Save(LookupTally tally);
}
