using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.PostgreSql;
using ChatPay.Bot.Storage.Sql;
using ChatPay.Bot.Storage.Sqlite;

namespace ChatPay.Bot.Operations;

/// <summary>
/// <c>dotnet run --project Bot -- copy-to-postgresql</c> (or <c>copy-to-sqlite</c>): copies the LiteDB database
/// (<c>Storage:DatabasePath</c>, and <c>Storage:Password</c> if it is encrypted) into the empty PostgreSQL database of
/// <c>Storage:ConnectionString</c>, to move a province from one process to several, or into a new SQLite file beside it
/// (<see cref="StorageOptions.SqliteFullPath"/>). ChatPay must be stopped: the file's lock says so otherwise.
/// </summary>
public static class CopyFromLiteDbCommand
{
    public const string ToPostgreSql = "copy-to-postgresql";
    public const string ToSqlite = "copy-to-sqlite";

    public static int Run(string name, string[] args)
    {
        // The same settings as the bot (appsettings, environment, command line), so the command finds the same file and server.
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var databasePath = options.FullPath(builder.Environment.ContentRootPath);
        var toSqlite = name == ToSqlite;
        if (!toSqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Console.Error.WriteLine($"Usage: {name} --Storage:ConnectionString=\"Host=…;Database=…;Username=…\" [--Storage:DatabasePath=…]");
            return 2;
        }
        if (!File.Exists(databasePath))
        {
            Console.Error.WriteLine($"There is no database at {databasePath}.");
            return 1;
        }
        try
        {
            OwnerOnlyFiles.ForThisProcess();
            using var source = new LiteDbStore(databasePath, new ChatSignal(), options.PasswordOrNull);
            using var target = Target(toSqlite, options, builder.Environment.ContentRootPath);
            var copied = LiteDbCopy.Run(source, target);
            foreach (var (collection, count) in copied.Where(c => c.Value > 0)) Console.WriteLine($"  {collection}: {count:N0}");
            Console.WriteLine(toSqlite
                ? $"Copied {databasePath} into {options.SqliteFullPath(builder.Environment.ContentRootPath)} ({copied.Values.Sum():N0} documents). " +
                  (options.PasswordOrNull is null ? "ChatPay runs on it from its next start" : "ChatPay runs on it once Storage:Password is removed (the SQLite file is not encrypted: keep it on an encrypted disk)") +
                  $"; keep {Path.GetFileName(databasePath)} until you have checked, then delete it."
                : $"Copied {databasePath} into PostgreSQL ({copied.Values.Sum():N0} documents). Start ChatPay with Storage:Provider=PostgreSql.");
            return 0;
        }
        catch (DatabaseInUseException)
        {
            Console.Error.WriteLine("ChatPay is running on this file: stop it, then copy (nothing was copied).");
            return 1;
        }
        catch (Exception e) when (e is StorageUnavailableException or InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"Nothing was copied: {e.Message}");
            return 1;
        }
    }

    private static ISqlStore Target(bool toSqlite, StorageOptions options, string contentRoot) =>
        toSqlite ? new SqliteStore(options.SqliteFullPath(contentRoot)) : new PgStore(options.ConnectionString!);
}
