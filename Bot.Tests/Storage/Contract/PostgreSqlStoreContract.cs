using ChatPay.Bot.Storage.PostgreSql;
using ChatPay.Bot.Storage.Sql;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Storage.Contract;

/// <summary>The storage contract on PostgreSQL, each test on a database of its own (<see cref="TestPostgres"/>; skipped without a server).</summary>
[Trait("Tier", "Integration")]
public sealed class PostgreSqlStoreContract : StoreContract
{
    private TestPostgres? _database;

    protected override StoreParts NewStore()
    {
        _database = new TestPostgres();
        var store = new PgStore(_database.ConnectionString);
        var ports = new SqlHostPorts(store);
        return new StoreParts(store, new SqlOutboxStore(store), new SqlRecordTables(store), new SqlRetention(store), ports, ports);
    }

    public override void Dispose()
    {
        base.Dispose();
        _database?.Dispose();
    }
}
