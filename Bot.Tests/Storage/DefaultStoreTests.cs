using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Sqlite;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ChatPay.Tests.Storage;

/// <summary>
/// Unset, <c>Storage:Provider</c> means SQLite for a new installation, and never moves an earlier one's data: a LiteDB file
/// with no SQLite file beside it, or a password (LiteDB's encryption), keeps ChatPay on LiteDB.
/// </summary>
public sealed class DefaultStoreTests : IDisposable
{
    private const string Code = "H42.27-261124-0003";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private StorageOptions Options(string? provider = null, string? password = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = _directory.File("chatpay.db"), ["Storage:Provider"] = provider, ["Storage:Password"] = password,
        }).Build().GetSection(StorageOptions.Section).Get<StorageOptions>()!;

    private StorageProvider Chosen(StorageOptions options) => options.ProviderIn(_directory.Path);

    [Fact]
    [Trait("Tier", "Unit")]
    public void A_new_installation_runs_on_sqlite_also_when_the_setting_is_left_empty()
    {
        Assert.Equal(StorageProvider.Sqlite, Chosen(Options()));
        Assert.Equal(StorageProvider.Sqlite, Chosen(Options(provider: "")));
    }

    [Fact]
    [Trait("Tier", "Unit")]
    public void A_password_asks_for_litedbs_encrypted_file() => Assert.Equal(StorageProvider.LiteDb, Chosen(Options(password: "s3cret-pass")));

    [Fact]
    [Trait("Tier", "Unit")]
    public void A_litedb_file_without_a_sqlite_file_beside_it_stays_on_litedb_until_it_is_copied()
    {
        File.WriteAllBytes(_directory.File("chatpay.db"), []);
        Assert.Equal(StorageProvider.LiteDb, Chosen(Options()));

        File.WriteAllBytes(_directory.File("chatpay.sqlite"), []);
        Assert.Equal(StorageProvider.Sqlite, Chosen(Options()));
    }

    [Fact]
    [Trait("Tier", "Unit")]
    public void A_password_set_later_on_a_sqlite_installation_keeps_it_on_sqlite_where_the_start_refuses_it()
    {
        File.WriteAllBytes(_directory.File("chatpay.sqlite"), []);

        Assert.Equal(StorageProvider.Sqlite, Chosen(Options(password: "s3cret-pass")));
    }

    [Fact]
    [Trait("Tier", "Unit")]
    public void A_provider_set_is_used_whatever_files_are_there()
    {
        File.WriteAllBytes(_directory.File("chatpay.db"), []);
        Assert.Equal(StorageProvider.Sqlite, Chosen(Options(provider: "Sqlite")));
        Assert.Equal(StorageProvider.LiteDb, Chosen(Options(provider: "LiteDb")));
    }

    [Fact]
    [Trait("Tier", "System")]
    public async Task An_earlier_installations_litedb_data_is_still_there_after_an_upgrade_that_sets_no_provider()
    {
        var database = _directory.File("chatpay.db");
        using (var earlier = new ChatPayApp(database, ChatPayApp.OnLiteDb))
        {
            var citizen = await WebChatUser.OpenAsync(earlier.Http);
            await SandboxPayer.PayAsync(earlier.Http, await citizen.RequestPaymentLinkAsync(Code));
            await citizen.WaitForTextAsync(Said.Paid);
        }

        using var upgraded = new ChatPayApp(database);

        Assert.IsType<LiteDbStore>(upgraded.Service<IHostStore>());
        Assert.Equal(DossierStatus.Paid, upgraded.Service<IChatPayStore>().Read(s => s.Dossiers.Find(Code))!.Status);
        Assert.False(File.Exists(_directory.File("chatpay.sqlite")));
    }

    [Fact]
    [Trait("Tier", "System")]
    public void The_bot_with_no_storage_settings_keeps_its_data_in_sqlite()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));

        Assert.IsType<SqliteStore>(app.Service<IHostStore>());
        Assert.True(File.Exists(_directory.File("chatpay.sqlite")));
        Assert.False(File.Exists(_directory.File("chatpay.db")));
    }
}
