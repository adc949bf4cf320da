using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>LiteDB's AES encryption at rest, and the one-way move of an existing plain database into it.</summary>
internal static class DatabaseEncryption
{
    /// <summary>LiteDB marks an encrypted file with 1 in its first byte; a plain file starts with its header page's id, 0.</summary>
    public static bool IsEncrypted(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return file.ReadByte() == 1;
    }

    /// <summary>
    /// Copies every collection and index of the plain database at <paramref name="path"/> into a new encrypted
    /// file, then renames it over the original. A crash before the rename leaves the plain database as it was;
    /// the rename itself is atomic, so there is never a moment without a whole database at <paramref name="path"/>.
    /// </summary>
    public static void EncryptInPlace(string path, string password)
    {
        var encryptedPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + ".encrypting" + Path.GetExtension(path));
        File.Delete(encryptedPath);
        File.Delete(LogFileOf(encryptedPath));
        using (var plain = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        using (var encrypted = new LiteDatabase(new ConnectionString { Filename = encryptedPath, Connection = ConnectionType.Direct, Password = password }))
        {
            plain.Checkpoint();
            foreach (var name in plain.GetCollectionNames())
            {
                var target = encrypted.GetCollection(name);
                target.InsertBulk(plain.GetCollection(name).FindAll());
                foreach (var index in plain.GetCollection("$indexes").Find(Query.EQ("collection", name)))
                {
                    if (index["name"].AsString == "_id") continue;
                    target.EnsureIndex(index["name"].AsString, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
                }
            }
            encrypted.Checkpoint();
        }
        // Everything the plain log held is in the plain file now; left beside the encrypted file it would be replayed into it.
        File.Delete(LogFileOf(path));
        File.Move(encryptedPath, path, overwrite: true);
    }

    /// <summary>LiteDB's write-ahead log beside a data file: "chatpay.db" keeps it in "chatpay-log.db".</summary>
    internal static string LogFileOf(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
}
