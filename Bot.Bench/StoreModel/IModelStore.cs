namespace ChatPay.Bench.StoreModel;

/// <summary>What the journey model asks of a store: transactions, and documents written and read by key.</summary>
public interface IModelStore : IDisposable
{
    void Begin();

    void Commit();

    void Insert<T>(T document) where T : class;

    /// <summary>Inserts or replaces the document with the same id.</summary>
    void Save<T>(T document) where T : class;

    T? Get<T>(object id) where T : class;
}
