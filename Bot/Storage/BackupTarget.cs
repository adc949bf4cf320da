using ChatPay.Bot.Operations;

namespace ChatPay.Bot.Storage;

/// <summary>
/// Where a backup may be written: never over the database or a file beside it that the bot uses (a copy written
/// over the live file replaces it while the bot goes on writing to the deleted one, and later payments are lost),
/// and over an existing file only when asked to (--force).
/// </summary>
public static class BackupTarget
{
    /// <summary>Why the target is refused, or null if it may be written.</summary>
    public static string? Refusal(string databasePath, string target, bool overwrite)
    {
        var full = Resolve(target);
        var database = Resolve(databasePath);
        // LiteDB's log beside it, SQLite's write-ahead log and shared memory.
        string[] companions = [database, database + ".lock", BackupSocket.PathFor(database) ?? database, DatabaseEncryption.LogFileOf(database), database + "-wal", database + "-shm"];
        if (companions.Contains(full, StringComparer.Ordinal))
            return $"{target} is the database or one of its own files; choose another file.";
        if (Directory.Exists(full)) return $"{target} is a folder; give the backup file's name.";
        if (File.Exists(full) && !overwrite) return $"{target} exists already; add --force to replace it.";
        return null;
    }

    /// <summary>The full path, through a symbolic link if the file is one, so a link to the database is seen for what it is.</summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}
