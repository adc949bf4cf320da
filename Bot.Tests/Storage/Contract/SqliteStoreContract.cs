using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Sql;
using ChatPay.Bot.Storage.Sqlite;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Storage.Contract;

/// <summary>The storage contract on SQLite, on a file as in production.</summary>
[Trait("Tier", "Integration")]
public sealed class SqliteStoreContract : StoreContract
{
    private readonly TempDirectory _directory = new();

    protected override StoreParts NewStore()
    {
        var store = new SqliteStore(_directory.File("contract.sqlite"), new ChatSignal());
        var ports = new SqlHostPorts(store);
        return new StoreParts(store, new SqlOutboxStore(store), new SqlRecordTables(store), new SqlRetention(store), ports, ports);
    }

    public override void Dispose()
    {
        base.Dispose();
        _directory.Dispose();
    }
}
