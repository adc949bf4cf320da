using System.Linq.Expressions;

namespace ChatPay.Bot.Storage.Records;

/// <summary>
/// A small table of the host's own records (settings, receipt seals, Zalo's tokens, the sandboxes' transactions), kept in
/// whichever database ChatPay runs on. Every call is its own step. Records are found by id, or by a condition over the
/// whole table: these tables stay small (the domain's records, which grow, have their own indexed stores).
/// </summary>
public interface IRecordTable<T> where T : class
{
    T? Get(string id);

    IReadOnlyList<T> Where(Expression<Func<T, bool>> condition);

    int Count(Expression<Func<T, bool>>? condition = null);

    /// <summary>Stores the record, replacing the one with its id if there is one.</summary>
    void Put(T record);

    /// <summary>Stores the record unless one with its id is there already; returns the one kept (two instances adding at once keep the first).</summary>
    T Add(T record);

    /// <summary>
    /// In one step: reads the record with this id as it is now (null if none), and stores and returns what
    /// <paramref name="change"/> makes of it (returning the same instance stores nothing). Two instances changing it at once
    /// run one after the other.
    /// </summary>
    T Update(string id, Func<T?, T> change);
}
