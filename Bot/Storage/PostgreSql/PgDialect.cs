using System.Data.Common;
using ChatPay.Bot.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>PostgreSQL's side of the shared statements: jsonb documents, row locks, an advisory lock per chat.</summary>
public sealed class PgDialect : ISqlDialect
{
    public static readonly PgDialect Instance = new();

    public string Document => "doc::text";

    public string Field(string name) => $"doc->>'{name}'";

    public string IsTrue(string field) => $"({field})::boolean";

    public string AnyOf(string column, string parameter) => $"{column} = ANY({parameter})";

    public object IdList(IEnumerable<long> ids) => ids.ToArray();

    public string NextChatLogNumber => "SELECT nextval('chat_log_seq')";

    public string SetChatLogNumber(long last) => $"SELECT setval('chat_log_seq', {last})";

    public string LockRows => " FOR UPDATE";

    public string SkipLockedRows => " FOR UPDATE SKIP LOCKED";

    public string WithNullFields(IReadOnlyCollection<string> fields) => "doc || jsonb_build_object(" + string.Join(", ", fields.Select(f => $"'{f}', NULL")) + ")";

    public void AddDocument(DbCommand command, string json) => ((NpgsqlCommand)command).Parameters.AddWithValue("doc", NpgsqlDbType.Jsonb, json);

    /// <summary>One chat's steps run one at a time across instances: the chat's advisory lock, held until the step ends.</summary>
    public void LockChat(SqlSession session, string chatKey)
    {
        using var command = session.Command("SELECT pg_advisory_xact_lock(hashtextextended(@chat, 0))");
        command.Add("chat", chatKey);
        command.ExecuteNonQuery();
    }
}
