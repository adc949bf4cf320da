using ChatPay.Bot.Storage;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Storage.Contract;

/// <summary>The storage contract on LiteDB, on a file as in production.</summary>
[Trait("Tier", "Integration")]
public sealed class LiteDbStoreContract : StoreContract
{
    private readonly TempDirectory _directory = new();

    protected override IChatPayStore NewStore() => new LiteDbStore(_directory.File("contract.db"), new ChatSignal());

    public override void Dispose()
    {
        base.Dispose();
        _directory.Dispose();
    }
}
