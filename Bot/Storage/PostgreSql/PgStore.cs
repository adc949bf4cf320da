using System.Collections.Concurrent;
using ChatPay.Bot.Storage.Sql;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using Npgsql;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>
/// ChatPay's store on PostgreSQL, shared by every instance. A step is one transaction (read committed): what it reads it
/// locks (<c>FOR UPDATE</c>) until it commits, and a chat's steps also take that chat's advisory lock, so steps on the
/// same records run one after the other across instances as they do in one LiteDB process. A step that meets a deadlock,
/// or a record another instance inserted at the same moment, is run again from the start. Records are the same documents
/// as in LiteDB (in its shape: <see cref="Sql.DocumentJson"/>; stored as jsonb), with the queried fields as indexed columns.
/// </summary>
public sealed class PgStore : IHostStore, ISqlStore
{
    private readonly NpgsqlDataSource _source;
    private readonly DocumentJson _json = new();
    private readonly ChatSignal _signal;
    private readonly ConcurrentDictionary<ChatChannel, bool> _readFromLog = new();

    /// <summary>Tells the other instances which chats a step changed (<see cref="PgChatChanges"/>), marked with this instance's id.</summary>
    public const string ChangesChannel = "chatpay_chats";

    /// <summary>This process among the instances: its own notifications are not signalled twice.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    private const int Attempts = 10;

    public PgStore(string connectionString, ChatSignal? signal = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // A step's few statements are the same every time: prepared once per connection, the server skips parsing and planning them.
        if (!settings.ContainsKey("Max Auto Prepare")) settings.MaxAutoPrepare = 64;
        _source = NpgsqlDataSource.Create(settings.ConnectionString);
        PgSchema.Migrate(_source);
        _signal = signal ?? new ChatSignal();
    }

    internal NpgsqlDataSource Source => _source;

    public ISqlDialect Dialect => PgDialect.Instance;

    public StorageProvider Provider => StorageProvider.PostgreSql;

    public void ReadFromLog(ChatChannel channel) => _readFromLog[channel] = true;

    public T Write<T>(Func<IStoreSession, T> work) => this.DomainStep(_signal, work);

    public T Read<T>(Func<IStoreSession, T> query) => Query(query);

    /// <summary>Runs <paramref name="work"/> in one transaction, again from the start after a deadlock or a concurrent insert of the same key.</summary>
    public T Step<T>(Func<SqlSession, T> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            try
            {
                var session = NewSession(connection, transaction);
                var result = work(session);
                NotifyChanges(session);
                transaction.Commit();
                return result;
            }
            catch (PostgresException e) when (Retryable(e) && attempt < Attempts)
            {
                // Both sides of a deadlock may start again at once; a short random pause lets one go first.
                Thread.Sleep(Random.Shared.Next(1, 5 * attempt));
            }
        }
    }

    /// <summary>Read the data, not the step, was the problem: deadlock, serialization failure, a key inserted meanwhile.</summary>
    private static bool Retryable(PostgresException e) => e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
        or PostgresErrorCodes.UniqueViolation;

    /// <summary>A read on its own connection, outside any step.</summary>
    public T Query<T>(Func<SqlSession, T> query)
    {
        using var connection = _source.OpenConnection();
        return query(NewSession(connection, null));
    }

    private SqlSession NewSession(NpgsqlConnection connection, NpgsqlTransaction? transaction) =>
        new(connection, transaction, _json, channel => _readFromLog.ContainsKey(channel), PgDialect.Instance);

    /// <summary>Tells the other instances which chats the step changed, delivered by PostgreSQL when (and only if) the step commits.</summary>
    private void NotifyChanges(SqlSession session)
    {
        if (session.TouchedChats.Count == 0) return;
        // A notification carries at most 8,000 bytes; a step rarely touches more than a few chats.
        foreach (var chunk in session.TouchedChats.Chunk(50))
        {
            using var command = session.Command("SELECT pg_notify(@channel, @payload)");
            command.Add("channel", ChangesChannel);
            command.Add("payload", InstanceId + "\n" + string.Join('\n', chunk));
            command.ExecuteNonQuery();
        }
    }

    public void Dispose() => _source.Dispose();
}
