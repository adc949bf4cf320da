using System.ComponentModel.DataAnnotations;
using ChatPay.Bot.Payments;
using ChatPay.Domain;
using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Sqlite;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>ChatPay on one SQLite file (<c>Storage:Provider=Sqlite</c>): the whole journey, a restart, one process, a backup.</summary>
[Trait("Tier", "System")]
public sealed class SqliteStoreTests : IDisposable
{
    private const string Code = "H42.27-261124-0003";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp App() => new(_directory.File("chatpay.db"), new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });

    [Fact]
    public async Task A_citizen_pays_on_sqlite_and_after_a_restart_the_dossier_is_paid_with_one_receipt_and_the_chat_history_kept()
    {
        string token;
        using (var app = App())
        {
            Assert.IsType<SqliteStore>(app.Service<IHostStore>());
            var agency = app.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.27");
            var officer = await WebChatUser.OpenAsync(app.Http);
            (await officer.SayAsync($"/dangky {agency.EnrollmentCode}")).EnsureSuccessStatusCode();
            await officer.WaitForTextAsync(Said.Enrolled);

            var citizen = await WebChatUser.OpenAsync(app.Http);
            token = citizen.Token;
            await citizen.SayAsync(Code);
            await citizen.WaitForTextAsync(Said.Total(600_000));
            await citizen.PressAsync("Xác nhận");
            await citizen.WaitForTextAsync(Said.ChooseBank);
            await citizen.PressAsync("Vietcombank");
            var link = (await citizen.WaitForAsync(m => m.Links.Count > 0)).Links.Single();
            Assert.Contains(ReturnPages.PaidHeading, await SandboxPayer.PayAsync(app.Http, link.Url));
            await citizen.WaitForTextAsync(Said.Paid);
            await officer.WaitForTextAsync(Said.Alert(Code));
            Assert.Single(officer.Seen, m => m.Text.Contains(Said.Alert(Code)));
        }

        using var restarted = App();
        var store = restarted.Service<IChatPayStore>();
        var dossier = store.Read(s => s.Dossiers.Find(Code))!;
        Assert.Equal(DossierStatus.Paid, dossier.Status);
        Assert.Single(store.Read(s => s.Payments.OfDossier(Code)), p => p.State == PaymentState.Succeeded);
        Assert.Equal(Code, store.Read(s => s.Receipts.Find(dossier.ReceiptId!))!.DossierCode);
        var again = WebChatUser.Resume(restarted.Http, token);
        await again.WaitForTextAsync(Said.Paid);
    }

    [Fact]
    public void A_second_process_on_the_same_sqlite_file_is_refused()
    {
        var path = _directory.File("one.sqlite");
        using var first = new SqliteStore(path);

        Assert.Throws<DatabaseInUseException>(() => new SqliteStore(path));
    }

    [Fact]
    public void A_backup_of_a_sqlite_database_in_use_opens_with_what_was_committed_and_is_never_written_over_the_database_or_its_log()
    {
        var path = _directory.File("live.sqlite");
        var target = _directory.File("copy.sqlite");
        using (var live = new SqliteStore(path))
        {
            live.Write(s =>
            {
                s.Inbox.FirstTime("telegram:1", DateTimeOffset.UnixEpoch);
                return true;
            });
            Assert.NotNull(BackupTarget.Refusal(path, path + "-wal", overwrite: true));

            Assert.True(SqliteBackup.Copy(path, target) > 0);
        }

        using var copy = new SqliteStore(target);
        Assert.True(copy.Read(s => s.Inbox.Recorded("telegram:1")));
    }

    [Fact]
    public void A_password_is_refused_with_sqlite_which_chatpay_does_not_encrypt()
    {
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, Password = "a password" };

        Assert.Contains(options.Validate(new ValidationContext(options)), r => r.MemberNames.Contains(nameof(StorageOptions.Password)));
    }
}
