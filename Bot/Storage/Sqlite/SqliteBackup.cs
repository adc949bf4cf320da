using Microsoft.Data.Sqlite;

namespace ChatPay.Bot.Storage.Sqlite;

/// <summary>
/// A consistent copy of a SQLite database through SQLite's online backup, from any process: the bot may go on writing
/// meanwhile (the copy is of one moment), so the backup command needs no socket to the running bot as LiteDB's does.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies <paramref name="databasePath"/> to <paramref name="target"/> (replacing it) and returns the copy's size.</summary>
    public static long Copy(string databasePath, string target)
    {
        var partial = target + ".partial";
        File.Delete(partial);
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString))
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
        {
            source.Open();
            source.BackupDatabase(copy);
        }
        File.Move(partial, target, overwrite: true);
        return new FileInfo(target).Length;
    }
}
