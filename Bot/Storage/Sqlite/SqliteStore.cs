using System.Collections.Concurrent;
using System.Reflection;
using ChatPay.Bot.Storage.Sql;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace ChatPay.Bot.Storage.Sqlite;

/// <summary>
/// ChatPay's store on one SQLite file, for one process: the same tables and statements as on PostgreSQL (the documents as
/// JSON, the queried fields as indexed columns). Steps are serialised on one writing connection, each one transaction;
/// reads run on connections of their own against what is committed (WAL). A commit reaches the operating system before
/// the step returns (<c>synchronous=NORMAL</c>): a crash of the process loses nothing, a power cut may lose the last
/// commits — as with LiteDB, whose commits are not flushed to the disk either.
/// </summary>
public sealed class SqliteStore : IHostStore, ISqlStore
{
    private readonly DatabaseFileLock _fileLock;
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();
    private readonly DocumentJson _json = new();
    private readonly ChatSignal _signal;
    private readonly ConcurrentDictionary<ChatChannel, bool> _readFromLog = new();

    public SqliteStore(string path, ChatSignal? signal = null)
    {
        var file = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // One process writes: a second bot on the same file would deliver every message twice.
        _fileLock = DatabaseFileLock.Acquire(file);
        try
        {
            _connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ConnectionString;
            _writer = Open();
            Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Execute(_writer, Schema());
            OwnerOnlyFiles.Restrict(file, file + ".lock", file + "-wal", file + "-shm");
        }
        catch
        {
            _writer?.Dispose();
            _fileLock.Dispose();
            throw;
        }
        _signal = signal ?? new ChatSignal();
    }

    public ISqlDialect Dialect => SqliteDialect.Instance;

    public StorageProvider Provider => StorageProvider.Sqlite;

    public void ReadFromLog(ChatChannel channel) => _readFromLog[channel] = true;

    public T Write<T>(Func<IStoreSession, T> work) => this.DomainStep(_signal, work);

    public T Read<T>(Func<IStoreSession, T> query) => Query(query);

    public T Step<T>(Func<SqlSession, T> work)
    {
        lock (_writeLock)
        {
            using var transaction = _writer.BeginTransaction();
            var result = work(NewSession(_writer, transaction));
            transaction.Commit();
            return result;
        }
    }

    public T Query<T>(Func<SqlSession, T> query)
    {
        using var connection = Open();
        return query(NewSession(connection, null));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private SqlSession NewSession(SqliteConnection connection, SqliteTransaction? transaction) =>
        new(connection, transaction, _json, channel => _readFromLog.ContainsKey(channel), SqliteDialect.Instance);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Schema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sqlite.Schema.sql")
            ?? throw new InvalidOperationException("The SQLite schema is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }

    public void Dispose()
    {
        _writer.Dispose();
        // The pool keeps reading connections open, and with them the WAL files: closed with the store.
        using (var pooled = new SqliteConnection(_connectionString)) SqliteConnection.ClearPool(pooled);
        _fileLock.Dispose();
    }
}
