using System.Reflection;
using Npgsql;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>
/// Creates and migrates the schema at start from the versioned scripts embedded in the assembly, under an advisory lock,
/// so two instances starting together migrate once.
/// </summary>
public static class PgSchema
{
    /// <summary>The scripts, in order; each is applied once and recorded in schema_version.</summary>
    private static readonly string[] Scripts = ["Schema"];

    private const long MigrationLock = 0x43686174506179; // "ChatPay"

    public static void Migrate(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        Execute(connection, $"SELECT pg_advisory_lock({MigrationLock})");
        try
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection);
            var applied = (int)current.ExecuteScalar()!;
            for (var version = applied + 1; version <= Scripts.Length; version++)
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, Script(Scripts[version - 1]), transaction);
                Execute(connection, $"INSERT INTO schema_version (version) VALUES ({version})", transaction);
                transaction.Commit();
            }
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({MigrationLock})");
        }
    }

    private static string Script(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"PostgreSql.{name}.sql")
            ?? throw new InvalidOperationException($"The schema script {name}.sql is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }

    private static void Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
