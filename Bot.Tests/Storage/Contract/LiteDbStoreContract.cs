using ChatPay.Bot.Storage;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage.Records;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Storage.Contract;

/// <summary>The storage contract on LiteDB, on a file as in production.</summary>
[Trait("Tier", "Integration")]
public sealed class LiteDbStoreContract : StoreContract
{
    private readonly TempDirectory _directory = new();

    protected override StoreParts NewStore()
    {
        var store = new LiteDbStore(_directory.File("contract.db"), new ChatSignal());
        var ports = new LiteHostPorts(store);
        return new StoreParts(store, new LiteOutboxStore(store), new LiteRecordTables(store), new LiteRetention(store), ports, ports);
    }

    public override void Dispose()
    {
        base.Dispose();
        _directory.Dispose();
    }
}
