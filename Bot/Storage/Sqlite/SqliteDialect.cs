using System.Data.Common;
using System.Text.Json;
using ChatPay.Bot.Storage.Sql;

namespace ChatPay.Bot.Storage.Sqlite;

/// <summary>SQLite's side of the shared statements: JSON as text, and nothing to lock — one process writes, one step at a time.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Document => "doc";

    public string Field(string name) => $"json_extract(doc, '$.{name}')";

    /// <summary>json_extract gives a JSON true as 1.</summary>
    public string IsTrue(string field) => field;

    public string AnyOf(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public object IdList(IEnumerable<long> ids) => JsonSerializer.Serialize(ids);

    public string NextChatLogNumber => "UPDATE counters SET value = value + 1 WHERE name = 'chat_log' RETURNING value";

    public string SetChatLogNumber(long last) => $"UPDATE counters SET value = {last} WHERE name = 'chat_log' RETURNING value";

    public string LockRows => "";

    public string SkipLockedRows => "";

    public string WithNullFields(IReadOnlyCollection<string> fields) => "json_set(doc, " + string.Join(", ", fields.Select(f => $"'$.{f}', NULL")) + ")";

    public void AddDocument(DbCommand command, string json) => command.Add("doc", json);

    public void LockChat(SqlSession session, string chatKey)
    {
    }
}
