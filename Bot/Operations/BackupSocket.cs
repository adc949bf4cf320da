using System.Net.Sockets;
using System.Text;

namespace ChatPay.Bot.Operations;

/// <summary>
/// The running bot's backup door: a Unix domain socket beside the database, readable only by the user who
/// runs the bot (the file's permissions are the authentication). One request line, one answer line.
/// </summary>
internal static class BackupSocket
{
    // sun_path holds 108 bytes on Linux, 104 on macOS, including the terminator.
    private const int MaxPathBytes = 103;
    public const int MaxLineBytes = 4096;

    /// <summary>The socket's path, or null when the database's path is too long for one.</summary>
    public static string? PathFor(string databasePath)
    {
        var path = databasePath + ".backup.sock";
        return Encoding.UTF8.GetByteCount(path) <= MaxPathBytes ? path : null;
    }

    public static UnixDomainSocketEndPoint EndPoint(string socketPath) => new(socketPath);

    public static async Task WriteLineAsync(Socket socket, string line, CancellationToken cancellationToken) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(line.ReplaceLineEndings(" ") + "\n"), SocketFlags.None, cancellationToken);

    /// <summary>One line, at most <see cref="MaxLineBytes"/> long; null if the peer closed or sent more.</summary>
    public static async Task<string?> ReadLineAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxLineBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken);
            if (read == 0) return null;
            var end = Array.IndexOf(buffer, (byte)'\n', length, read);
            length += read;
            if (end >= 0) return Encoding.UTF8.GetString(buffer, 0, end);
        }
        return null;
    }
}
