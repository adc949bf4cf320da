using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Storage;

[Trait("Tier", "System")]
public class BackupTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("chatpay.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_backup_taken_while_steps_commit_holds_whole_steps_only()
    {
        using var store = new LiteDbStore(DatabasePath, new ChatSignal());
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            // Each step writes a dossier and a conversation together: a torn copy would hold one without the other.
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var n = i;
                store.Write(s =>
                {
                    s.Dossiers.Save(new Dossier($"H42.10-261125-{n:D4}", "Thủ tục", "H42.10", "Cơ quan", "Nguyễn Văn An", null, DateTimeOffset.UtcNow));
                    s.Conversations.Save(ConversationSnapshot.New(new ChatAddress(WebChatIdentity.Channel, $"chat-{n}"), DateTimeOffset.UtcNow));
                    return true;
                });
            }
        });
        await Eventually.HoldsAsync(() => Task.FromResult(store.Read(s => s.Dossiers.Count()) > 50), TimeSpan.FromSeconds(30));

        var copies = Enumerable.Range(1, 5).Select(i => _directory.File($"backup-{i}.db")).ToList();
        foreach (var copy in copies) store.Backup(copy);
        await stop.CancelAsync();
        await writer;

        var counts = copies.Select(copy =>
        {
            using var backup = new LiteDbStore(copy, new ChatSignal());
            return (Dossiers: backup.Read(s => s.Dossiers.Count()), Conversations: backup.Collection<ConversationSnapshot>(LiteConversations.Collection).Count());
        }).ToList();
        Assert.All(counts, c => Assert.Equal(c.Dossiers, c.Conversations));
        Assert.All(counts, c => Assert.True(c.Dossiers > 50));
        Assert.DoesNotContain(Directory.GetFiles(_directory.Path), f => f.EndsWith(".partial"));
    }

    [Fact]
    public async Task The_backup_command_copies_the_database_of_a_running_bot_which_keeps_serving()
    {
        var backupPath = _directory.File("copy/chatpay-backup.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backupPath)!);
        using var bot = await BotProcess.StartServingAsync(DatabasePath, "--Demo:Enabled=true", "--Storage:Provider=LiteDb");
        var citizen = await WebChatUser.OpenAsync(bot.Http);
        await citizen.SayAsync(Code);
        await citizen.WaitForTextAsync(Said.Fees);

        using var command = BotProcess.Start("backup", backupPath, $"--Storage:DatabasePath={DatabasePath}");

        Assert.Equal(0, await command.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("while ChatPay was running", command.Output);
        await citizen.SayAsync("H42.27-261124-0003");
        await citizen.WaitForTextAsync(Said.Total(600_000));
        using var backup = new LiteDbStore(backupPath, new ChatSignal());
        var chat = ChatPay.Bot.Channels.WebChat.WebChatIdentity.ChatFor(citizen.Token);
        Assert.Equal(Code, backup.Read(s => s.Conversations.Find(chat))!.DossierCode);
        Assert.Contains(backup.ChatHistory(chat.Key, 0, 100), e => e.Text.Contains(Said.Fees));
    }

    [Fact]
    public async Task The_backup_command_copies_a_running_bots_sqlite_database_through_sqlites_online_backup()
    {
        var backupPath = _directory.File("copy/chatpay-backup.sqlite");
        Directory.CreateDirectory(Path.GetDirectoryName(backupPath)!);
        using var bot = await BotProcess.StartServingAsync(DatabasePath, "--Demo:Enabled=true", "--Storage:Provider=Sqlite");
        var citizen = await WebChatUser.OpenAsync(bot.Http);
        await citizen.SayAsync(Code);
        await citizen.WaitForTextAsync(Said.Fees);

        using var command = BotProcess.Start("backup", backupPath, $"--Storage:DatabasePath={DatabasePath}", "--Storage:Provider=Sqlite");

        Assert.Equal(0, await command.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        await citizen.SayAsync("H42.27-261124-0003");
        await citizen.WaitForTextAsync(Said.Total(600_000));
        using var backup = new ChatPay.Bot.Storage.Sqlite.SqliteStore(backupPath);
        Assert.Equal(Code, backup.Read(s => s.Conversations.Find(WebChatIdentity.ChatFor(citizen.Token)))!.DossierCode);
    }

    [Fact]
    public async Task The_backup_command_copies_a_stopped_bots_encrypted_database_still_encrypted()
    {
        var backupPath = _directory.File("chatpay-backup.db");
        using (var store = new LiteDbStore(DatabasePath, new ChatSignal(), "s3cret-pass"))
            store.Write(s =>
            {
                s.Dossiers.Save(new Dossier(Code, "Thủ tục", "H42.10", "Cơ quan", "Nguyễn Văn An", null, DateTimeOffset.UtcNow));
                return true;
            });

        using var command = BotProcess.Start("backup", backupPath, $"--Storage:DatabasePath={DatabasePath}", "--Storage:Password=s3cret-pass");

        Assert.Equal(0, await command.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.DoesNotContain("while ChatPay was running", command.Output);
        Assert.Throws<StorageUnavailableException>(() => new LiteDbStore(backupPath, new ChatSignal()));
        using var backup = new LiteDbStore(backupPath, new ChatSignal(), "s3cret-pass");
        Assert.NotNull(backup.Read(s => s.Dossiers.Find(Code)));
    }

    [Fact]
    public async Task The_backup_command_without_a_file_explains_its_usage()
    {
        using var command = BotProcess.Start("backup", $"--Storage:DatabasePath={DatabasePath}");

        Assert.Equal(2, await command.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Usage: backup <file>", command.Output);
    }

    [Fact]
    public async Task The_backup_command_refuses_the_running_databases_own_file_and_the_bot_loses_nothing()
    {
        using var bot = await BotProcess.StartServingAsync(DatabasePath, "--Demo:Enabled=true", "--Storage:Provider=LiteDb");
        var before = File.ReadAllBytes(DatabasePath).Length;

        foreach (var target in new[] { DatabasePath, DatabasePath + ".lock", Path.Combine(Path.GetDirectoryName(DatabasePath)!, ".", Path.GetFileName(DatabasePath)) })
        {
            using var command = BotProcess.Start("backup", target, ChatPay.Bot.Operations.BackupCommand.ForceFlag, $"--Storage:DatabasePath={DatabasePath}");
            Assert.Equal(1, await command.ExitCodeAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("one of its own files", command.Output);
        }

        var citizen = await WebChatUser.OpenAsync(bot.Http);
        await citizen.SayAsync(Code);
        await citizen.WaitForTextAsync(Said.Fees);
        Assert.True(File.ReadAllBytes(DatabasePath).Length >= before);
    }

    [Fact]
    public async Task The_backup_command_replaces_an_existing_file_only_with_force_and_writes_it_for_the_owner_only()
    {
        var backupPath = _directory.File("chatpay-backup.db");
        using (new LiteDbStore(DatabasePath, new ChatSignal())) { }
        File.WriteAllText(backupPath, "yesterday's backup");

        using (var refused = BotProcess.Start("backup", backupPath, $"--Storage:DatabasePath={DatabasePath}"))
        {
            Assert.Equal(1, await refused.ExitCodeAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("--force", refused.Output);
            Assert.Equal("yesterday's backup", File.ReadAllText(backupPath));
        }

        using var forced = BotProcess.Start("backup", backupPath, "--force", $"--Storage:DatabasePath={DatabasePath}");
        Assert.Equal(0, await forced.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.NotEqual("yesterday's backup", File.ReadAllText(backupPath));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backupPath));
    }

    [Fact]
    public void The_database_and_its_lock_file_are_readable_by_the_owner_only_whatever_the_umask()
    {
        if (OperatingSystem.IsWindows()) return;
        File.WriteAllText(DatabasePath + ".lock", "");
        File.SetUnixFileMode(DatabasePath + ".lock", (UnixFileMode)0b110_100_100); // as an umask of 022 leaves it

        using (var store = new LiteDbStore(DatabasePath, new ChatSignal()))
            store.Write(s => { s.Dossiers.Save(new Dossier(Code, "Thủ tục", "H42.10", "Cơ quan", "Nguyễn Văn An", null, DateTimeOffset.UtcNow)); return true; });

        Assert.Equal(OwnerOnlyFiles.Mode, File.GetUnixFileMode(DatabasePath));
        Assert.Equal(OwnerOnlyFiles.Mode, File.GetUnixFileMode(DatabasePath + ".lock"));
    }

    [Fact]
    public void With_postgresql_the_backup_names_pg_dump_for_the_same_database_and_never_repeats_the_password()
    {
        var command = BackupCommand.PgDumpCommand("Host=db.tinh.gov.vn;Port=5433;Username=chatpay;Password=bí-mật;Database=chatpay", "/backups/chatpay.dump");

        Assert.Equal("pg_dump --format=custom --file='/backups/chatpay.dump' --host='db.tinh.gov.vn' --port=5433 --username='chatpay' 'chatpay'", command);
        Assert.DoesNotContain("bí-mật", command);
    }
}
