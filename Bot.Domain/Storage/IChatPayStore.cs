namespace ChatPay.Domain.Storage;

/// <summary>Where ChatPay keeps everything. Work passed in must be synchronous: it runs inside one transaction.</summary>
public interface IChatPayStore
{
    /// <summary>Runs <paramref name="work"/> as one atomic, durable step: all of its writes land, or none do.</summary>
    T Write<T>(Func<IStoreSession, T> work);

    /// <summary>Runs a query against committed data.</summary>
    T Read<T>(Func<IStoreSession, T> query);
}
