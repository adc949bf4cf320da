using ChatPay.Domain.Storage;
using LiteDB;
using Npgsql;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>
/// ChatPay's store on PostgreSQL (issue 19, in progress: the domain's ports pass the storage contract; the host does not
/// offer it yet). A step is one transaction; records are the same documents as in LiteDB, with the queried fields as
/// indexed columns.
/// </summary>
public sealed class PgStore : IChatPayStore, IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly BsonMapper _mapper = ChatPayMapper.Create();

    public PgStore(string connectionString)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        PgSchema.Migrate(_source);
    }

    public T Write<T>(Func<IStoreSession, T> work)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = work(new PgSession(connection, transaction, _mapper));
        transaction.Commit();
        return result;
    }

    public T Read<T>(Func<IStoreSession, T> query)
    {
        using var connection = _source.OpenConnection();
        return query(new PgSession(connection, null, _mapper));
    }

    public void Dispose() => _source.Dispose();
}
