using System.Runtime.InteropServices;

namespace ChatPay.Bot.Storage;

/// <summary>
/// The database, its lock and log files, backups and their partial copies hold citizens' data: they are readable by
/// the service's user only (0600), whatever umask the service was started with.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Every file this process creates from now on is created 0600 (directories 0700), LiteDB's own included.</summary>
    public static void ForThisProcess()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = Umask(0x3F); // 077
    }

    /// <summary>Files created before (by an earlier version, or with another umask) are narrowed too.</summary>
    public static void Restrict(params string[] paths)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var path in paths.Where(File.Exists)) File.SetUnixFileMode(path, Mode);
    }

    /// <summary>Options for a new file created 0600 regardless of the umask.</summary>
    public static FileStreamOptions NewFile() => OperatingSystem.IsWindows()
        ? new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None }
        : new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, UnixCreateMode = Mode };

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
