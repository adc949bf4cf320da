namespace ChatPay.Bot.Storage;

/// <summary>
/// Holds an exclusive lock beside the database file for the life of the process. LiteDB's direct mode does
/// not lock the file between processes on Linux, and two writers would silently lose each other's writes.
/// </summary>
public sealed class DatabaseFileLock : IDisposable
{
    private readonly FileStream _lock;

    private DatabaseFileLock(FileStream handle) => _lock = handle;

    public static DatabaseFileLock Acquire(string databasePath)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix and a share lock on Windows.
            return new DatabaseFileLock(new FileStream(databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new DatabaseInUseException(
                $"Another ChatPay process is using the database {databasePath}. Stop it first, or set Storage:DatabasePath to another file.");
        }
    }

    public void Dispose() => _lock.Dispose();
}
