using System.Linq.Expressions;
using LiteDB;

namespace ChatPay.Bot.Storage.Records;

/// <summary>Record tables as LiteDB collections: conditions are translated to LiteDB's queries, writes serialised with every step.</summary>
public sealed class LiteRecordTables(LiteDbStore store) : IRecordTables
{
    public IRecordTable<T> Table<T>(string name, Func<T, string> idOf) where T : class
    {
        store.Map(typeof(T));
        return new RecordTable<T>(store, name, idOf);
    }

    private sealed class RecordTable<T>(LiteDbStore store, string name, Func<T, string> idOf) : IRecordTable<T> where T : class
    {
        private ILiteCollection<T> Collection => store.Collection<T>(name);

        public T? Get(string id) => Collection.Get(id);

        public IReadOnlyList<T> Where(Expression<Func<T, bool>> condition) => [.. Collection.Find(condition)];

        public int Count(Expression<Func<T, bool>>? condition = null) => condition is null ? Collection.Count() : Collection.Count(condition);

        public void Put(T record) => store.WriteTo<T>(name, c => c.Upsert(record));

        public T Add(T record) => store.WriteDirect(db =>
        {
            var collection = db.GetCollection<T>(name);
            if (collection.Get(idOf(record)) is { } stored) return stored;
            collection.Insert(record);
            return record;
        });

        public T Update(string id, Func<T?, T> change) => store.WriteDirect(db =>
        {
            var collection = db.GetCollection<T>(name);
            var stored = collection.Get(id);
            var changed = change(stored);
            if (!ReferenceEquals(changed, stored)) collection.Upsert(changed);
            return changed;
        });
    }
}
