using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using static ChatPay.Bench.StoreModel.ModelDocuments;

namespace ChatPay.Bench.StoreModel;

/// <summary>
/// The model on SQLite (WAL, synchronous=NORMAL: a commit reaches the operating system, as LiteDB's does, and the disk at
/// checkpoints): a table per document type with the document as JSON and a column for each indexed field, the same
/// indexes, partial where the field is mostly null (as ChatPay's sparse LiteDB indexes), prepared statements.
/// </summary>
public sealed class SqliteModelStore : IModelStore
{
    private sealed record Shape(string Table, bool NumericId, Func<object, object> Id, (string Column, bool Sparse, bool Unique, Func<object, object?> Value)[] Columns);

    private static readonly Dictionary<Type, Shape> Shapes = new()
    {
        [typeof(Message)] = new("messages", true, o => ((Message)o).Id,
            [("chat_key", false, false, o => ((Message)o).ChatKey), ("queue_key", true, false, o => ((Message)o).QueueKeys?.FirstOrDefault()),
             ("ref_key", true, false, o => ((Message)o).RefKeys?.FirstOrDefault())]),
        [typeof(Payment)] = new("payments", false, o => ((Payment)o).Id,
            [("link_token", false, true, o => ((Payment)o).LinkToken), ("dossier_code", false, false, o => ((Payment)o).DossierCode),
             ("open_until", true, false, o => ((Payment)o).OpenUntil), ("next_check_at", true, false, o => ((Payment)o).NextCheckAt),
             ("state", false, false, o => ((Payment)o).State), ("finished_at", true, false, o => ((Payment)o).FinishedAt), ("opened_at", true, false, o => ((Payment)o).OpenedAt)]),
        [typeof(Dossier)] = new("dossiers", false, o => ((Dossier)o).Id,
            [("agency_code", false, false, o => ((Dossier)o).AgencyCode), ("next_reminder_at", true, false, o => ((Dossier)o).NextReminderAt),
             ("next_notice_at", true, false, o => ((Dossier)o).NextNoticeAt), ("phone_hash", true, false, o => ((Dossier)o).ApplicantPhoneHash)]),
        [typeof(Receipt)] = new("receipts", false, o => ((Receipt)o).Id,
            [("access_token", false, true, o => ((Receipt)o).AccessToken), ("lookup_code", false, false, o => ((Receipt)o).LookupCode),
             ("dossier_code", false, true, o => ((Receipt)o).DossierCode)]),
        [typeof(Conversation)] = new("conversations", false, o => ((Conversation)o).Id,
            [("deadline", true, false, o => ((Conversation)o).Deadline), ("dossier_code", true, false, o => ((Conversation)o).DossierCode)]),
        [typeof(SeenUpdate)] = new("seen_updates", false, o => ((SeenUpdate)o).Id, [("seen_at", false, false, o => ((SeenUpdate)o).SeenAt)]),
        [typeof(PortalEvent)] = new("portal_events", false, o => ((PortalEvent)o).Id, [("next_attempt_at", true, false, o => ((PortalEvent)o).NextAttemptAt)]),
    };

    private readonly SqliteConnection _connection;
    private readonly Dictionary<(Type, string), SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    public SqliteModelStore(string path)
    {
        _connection = new SqliteConnection($"Data Source={path}");
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        foreach (var shape in Shapes.Values)
        {
            Execute($"CREATE TABLE {shape.Table} (id {(shape.NumericId ? "INTEGER" : "TEXT")} PRIMARY KEY, doc TEXT NOT NULL, {string.Join(", ", shape.Columns.Select(c => c.Column))})");
            foreach (var (column, sparse, unique, _) in shape.Columns)
                Execute($"CREATE {(unique ? "UNIQUE " : "")}INDEX {shape.Table}_{column} ON {shape.Table} ({column}){(sparse ? $" WHERE {column} IS NOT NULL" : "")}");
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command<T>(string kind, Func<Shape, string> sql)
    {
        if (!_commands.TryGetValue((typeof(T), kind), out var command))
        {
            var shape = Shapes[typeof(T)];
            command = _connection.CreateCommand();
            command.CommandText = sql(shape);
            foreach (var name in Regex.Matches(command.CommandText, @"@p\d+").Select(m => m.Value).Distinct()) command.Parameters.Add(new SqliteParameter(name, null));
            command.Prepare();
            _commands[(typeof(T), kind)] = command;
        }
        command.Transaction = _transaction;
        return command;
    }

    private static JsonTypeInfo<T> Json<T>() => (JsonTypeInfo<T>)ModelJson.Default.GetTypeInfo(typeof(T))!;

    public void Begin() => _transaction = _connection.BeginTransaction();

    public void Commit()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Insert<T>(T document) where T : class => Write(document, upsert: false);

    public void Save<T>(T document) where T : class => Write(document, upsert: true);

    private void Write<T>(T document, bool upsert) where T : class
    {
        var command = Command<T>(upsert ? "save" : "insert", shape =>
            $"INSERT INTO {shape.Table} (id, doc, {string.Join(", ", shape.Columns.Select(c => c.Column))}) " +
            $"VALUES (@p0, @p1, {string.Join(", ", shape.Columns.Select((_, i) => "@p" + (i + 2)))})" +
            (upsert ? $" ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, {string.Join(", ", shape.Columns.Select(c => $"{c.Column} = excluded.{c.Column}"))}" : ""));
        var columns = Shapes[typeof(T)].Columns;
        command.Parameters[0].Value = Shapes[typeof(T)].Id(document);
        command.Parameters[1].Value = JsonSerializer.Serialize(document, Json<T>());
        for (var i = 0; i < columns.Length; i++) command.Parameters[i + 2].Value = columns[i].Value(document) ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    public T? Get<T>(object id) where T : class
    {
        var command = Command<T>("get", shape => $"SELECT doc FROM {shape.Table} WHERE id = @p0");
        command.Parameters[0].Value = id;
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize(json, Json<T>()) : null;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _connection.Dispose();
    }
}
