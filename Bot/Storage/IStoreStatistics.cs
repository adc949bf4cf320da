using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Storage;

/// <summary>Counts the metrics export reads from the database.</summary>
public interface IStoreStatistics
{
    int Payments(PaymentState state);
}
