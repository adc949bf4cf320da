using System.Linq.Expressions;
using ChatPay.Bot.Storage.Records;
using System.Data.Common;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// The host's record tables in one SQL table, <c>records</c>, keyed by kind and id. A condition is applied to the
/// kind's records in memory: these tables are small (the sandboxes' transactions, settings, seals).
/// </summary>
public sealed class SqlRecordTables(ISqlStore store) : IRecordTables
{
    public IRecordTable<T> Table<T>(string name, Func<T, string> idOf) where T : class => new RecordTable<T>(store, name, idOf);

    private sealed class RecordTable<T>(ISqlStore store, string kind, Func<T, string> idOf) : IRecordTable<T> where T : class
    {
        public T? Get(string id) => store.Query(session => Stored(session, id));

        public IReadOnlyList<T> Where(Expression<Func<T, bool>> condition) => [.. All().Where(condition.Compile())];

        public int Count(Expression<Func<T, bool>>? condition = null) => condition is null ? All().Count : All().Count(condition.Compile());

        private List<T> All() => store.Query(session => Rows(session).Where("kind = @p0", "ORDER BY id", kind));

        /// <summary>The record as stored (locked until the step ends, in a step).</summary>
        private T? Stored(SqlSession session, string id) => Rows(session).Where("kind = @p0 AND id = @p1", "", kind, id).FirstOrDefault();

        private SqlTable<T> Rows(SqlSession session) => session.Table("records", idOf);

        public void Put(T record) => store.Step(session =>
        {
            using var command = session.Command("INSERT INTO records (kind, id, doc) VALUES (@kind, @id, @doc) ON CONFLICT (kind, id) DO UPDATE SET doc = excluded.doc");
            Bind(command, session, record);
            return command.ExecuteNonQuery();
        });

        public T Add(T record) => store.Step(session =>
        {
            using var command = session.Command("INSERT INTO records (kind, id, doc) VALUES (@kind, @id, @doc) ON CONFLICT (kind, id) DO NOTHING");
            Bind(command, session, record);
            return command.ExecuteNonQuery() == 1 ? record : Stored(session, idOf(record))!;
        });

        public T Update(string id, Func<T?, T> change) => store.Step(session =>
        {
            var stored = Stored(session, id);
            var changed = change(stored);
            if (ReferenceEquals(changed, stored)) return changed;
            // A record that was not there yet is inserted: if another step inserted it meanwhile (nothing was there to
            // lock), the key's violation makes this step run again, and then it reads and locks that one.
            using var write = session.Command(stored is null
                ? "INSERT INTO records (kind, id, doc) VALUES (@kind, @id, @doc)"
                : "UPDATE records SET doc = @doc WHERE kind = @kind AND id = @id");
            Bind(write, session, changed);
            write.ExecuteNonQuery();
            return changed;
        });

        private void Bind(DbCommand command, SqlSession session, T record)
        {
            command.Add("kind", kind);
            command.Add("id", idOf(record));
            session.AddDocument(command, session.ToJson(record));
        }
    }
}
