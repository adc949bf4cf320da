
namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// One table of documents: the record as JSON (<see cref="DocumentJson"/>: in the shape LiteDB gives it, so a record
/// reads the same from either store) and the columns its queries use, all written by one statement.
/// </summary>
internal sealed class SqlTable<T>(SqlSession session, string table, Func<T, string> id, params (string Column, Func<T, object?> Value)[] columns)
{
    /// <remarks>
    /// A record this step looked for and did not find is inserted without replacing: if another step inserted it
    /// meanwhile (there was no row to lock), the key's violation makes this step run again, and then it reads that one —
    /// as two LiteDB steps would have run one after the other.
    /// </remarks>
    public void Upsert(T item)
    {
        var names = columns.Select(c => c.Column).ToList();
        var sql = $"INSERT INTO {table} (id, doc{string.Concat(names.Select(n => ", " + n))}) VALUES (@id, @doc{string.Concat(names.Select((_, i) => $", @c{i}"))})" +
                  (session.FoundMissing(table, id(item)) ? "" : $" ON CONFLICT (id) DO UPDATE SET doc = excluded.doc{string.Concat(names.Select(n => $", {n} = excluded.{n}"))}");
        using var command = session.Command(sql);
        command.Add("id", id(item));
        session.AddDocument(command, session.ToJson(item));
        for (var i = 0; i < columns.Length; i++) command.Add($"c{i}", SqlSession.Value(columns[i].Value(item)));
        command.ExecuteNonQuery();
    }

    public T? Get(string key)
    {
        var found = Where("id = @p0", "", key).FirstOrDefault();
        if (found is null) session.Missing(table, key);
        return found;
    }

    public void Delete(string key)
    {
        using var command = session.Command($"DELETE FROM {table} WHERE id = @p0");
        command.Add("p0", key);
        command.ExecuteNonQuery();
    }

    /// <summary>The documents matching <paramref name="condition"/> (parameters @p0, @p1, …), in <paramref name="tail"/>'s order and limit.</summary>
    public List<T> Where(string condition, string tail, params object?[] parameters)
    {
        using var command = session.Command($"SELECT {session.Dialect.Document} FROM {table} WHERE {condition} {tail}{session.Locking}");
        for (var i = 0; i < parameters.Length; i++) command.Add($"p{i}", SqlSession.Value(parameters[i]));
        using var reader = command.ExecuteReader();
        var found = new List<T>();
        while (reader.Read()) found.Add(session.FromJson<T>(reader.GetString(0)));
        return found;
    }

    /// <summary>Due by <paramref name="now"/> (inclusive) on a nullable time column, earliest first.</summary>
    public List<T> Due(string column, DateTimeOffset now, int limit) => Where($"{column} <= @p0", $"ORDER BY {column}, id LIMIT {limit}", now);
}
