using System.Collections.Concurrent;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// Files users sent (photos), as the Bot API serves them: getFile gives a file_path for a file_id, and the file is then
/// downloaded from /file/bot&lt;token&gt;/&lt;file_path&gt;. Bots may download files of at most 20 MB.
/// </summary>
internal sealed class FileStore
{
    public const long MaxDownload = 20 * 1024 * 1024;

    public sealed record StoredFile(string FileId, string UniqueId, string Path, byte[] Bytes);

    private readonly ConcurrentDictionary<string, StoredFile> _byId = new();
    private readonly ConcurrentDictionary<string, StoredFile> _byPath = new();
    private int _next;

    public StoredFile Add(byte[] bytes, string extension)
    {
        var n = Interlocked.Increment(ref _next);
        var file = new StoredFile($"AgACAgIAAxkBAAI{n:D6}", $"AQAD{n:D6}", $"photos/file_{n}.{extension}", bytes);
        _byId[file.FileId] = file;
        _byPath[file.Path] = file;
        return file;
    }

    public StoredFile? ById(string fileId) => _byId.GetValueOrDefault(fileId);

    public StoredFile? ByPath(string path) => _byPath.GetValueOrDefault(path);
}
