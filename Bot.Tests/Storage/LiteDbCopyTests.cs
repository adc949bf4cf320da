using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.PostgreSql;
using ChatPay.Bot.Storage.Sql;
using ChatPay.Bot.Storage.Sqlite;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Storage;

/// <summary>
/// A province moving from its LiteDB file to PostgreSQL (<c>copy-to-postgresql</c>) or to SQLite (<c>copy-to-sqlite</c>)
/// keeps everything, and goes on where it was.
/// </summary>
[Trait("Tier", "Integration")]
public sealed class LiteDbCopyTests : IDisposable
{
    private const string Paid = "H42.10-261125-0001";
    private const string Next = "H42.27-261124-0003";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [SkippableFact]
    public async Task A_database_copied_into_postgresql_keeps_the_payment_the_chat_and_the_receipt_numbers_going_on()
    {
        using var database = new TestPostgres();
        await CopyKeepsEverythingAsync(() => new PgStore(database.ConnectionString), database.Settings);
    }

    [Fact]
    public async Task A_database_copied_into_sqlite_keeps_the_payment_the_chat_and_the_receipt_numbers_going_on()
    {
        var sqlite = new StorageOptions { DatabasePath = _directory.File("chatpay.db") }.SqliteFullPath("/");
        await CopyKeepsEverythingAsync(() => new SqliteStore(sqlite), new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
    }

    private async Task CopyKeepsEverythingAsync<TTarget>(Func<TTarget> openTarget, IReadOnlyDictionary<string, string?> targetSettings)
        where TTarget : IHostStore, ISqlStore
    {
        var file = _directory.File("chatpay.db");
        string token;
        int firstNumber;
        using (var lite = new ChatPayApp(file, ChatPayApp.OnLiteDb))
        {
            var citizen = await WebChatUser.OpenAsync(lite.Http);
            await SandboxPayer.PayAsync(lite.Http, await citizen.RequestPaymentLinkAsync(Paid));
            await citizen.WaitForTextAsync(Said.Paid);
            token = citizen.Token;
            firstNumber = ReceiptOf(lite.Service<IChatPayStore>(), Paid).Number;
        }

        using (var source = new LiteDbStore(file, new ChatSignal()))
        using (var target = openTarget())
        {
            var copied = LiteDbCopy.Run(source, target);
            Assert.True(copied[LiteChatLog.Collection] > 0);
            Assert.Equal(source.Read(s => s.Dossiers.Count()), target.Read(s => s.Dossiers.Count()));
            // Into a database that holds ChatPay's data already: refused, nothing changed.
            Assert.Throws<InvalidOperationException>(() => LiteDbCopy.Run(source, target));
        }

        // The same database path: SQLite's file is found beside it; PostgreSQL's settings name the server.
        using var moved = new ChatPayApp(file, targetSettings);
        var store = moved.Service<IChatPayStore>();
        Assert.IsType<TTarget>(moved.Service<IHostStore>());
        Assert.Equal(DossierStatus.Paid, store.Read(s => s.Dossiers.Find(Paid))!.Status);
        var same = WebChatUser.Resume(moved.Http, token);
        await same.WaitForTextAsync(Said.Paid);
        await SandboxPayer.PayAsync(moved.Http, await same.RequestPaymentLinkAsync(Next));
        await same.WaitForAsync(m => m.Text.Contains(Said.Paid) && m.Text.Contains(Next));
        Assert.Equal(firstNumber + 1, ReceiptOf(store, Next).Number);
        Assert.Equal(1, same.Seen.Count(m => m.Text.Contains(Said.Paid) && m.Text.Contains(Paid)));
    }

    private static ChatPay.Domain.Receipts.Receipt ReceiptOf(IChatPayStore store, string code) =>
        store.Read(s => s.Receipts.Find(s.Dossiers.Find(code)!.ReceiptId!))!;
}
