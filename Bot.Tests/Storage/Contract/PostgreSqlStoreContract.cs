using ChatPay.Bot.Storage.PostgreSql;
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
        return new StoreParts(store, new PgOutboxStore(store), new PgRecordTables(store), new PgRetention(store), new PgHostPorts(store), new PgHostPorts(store));
    }

    public override void Dispose()
    {
        base.Dispose();
        _database?.Dispose();
    }
}
