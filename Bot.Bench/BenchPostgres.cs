using Npgsql;

namespace ChatPay.Bench;

/// <summary>
/// A database of its own for a run on the PostgreSQL server named by CHATPAY_BENCH_POSTGRES (or the tests' CHATPAY_TEST_POSTGRES):
/// a connection string to a database the harness may create databases from. Dropped afterwards.
/// </summary>
public sealed class BenchPostgres : IDisposable
{
    private readonly string _server;
    private readonly string _database = $"chatpay_bench_{Guid.NewGuid():N}";

    private BenchPostgres(string server)
    {
        _server = server;
        Execute($"CREATE DATABASE {_database}");
    }

    /// <summary>A new database, or null when no server is named.</summary>
    public static BenchPostgres? Create() =>
        (Environment.GetEnvironmentVariable("CHATPAY_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CHATPAY_TEST_POSTGRES")) is { Length: > 0 } server
            ? new BenchPostgres(server) : null;

    /// <summary>The Bot's settings for this database.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString,
        ["Storage:SecretsKey"] = "bench-secrets-key-0123456789abcdef01234",
    };

    /// <summary>
    /// The CPU time of this machine's PostgreSQL processes so far: the live ones', and what the postmaster collected from
    /// backends that ended (/proc). Zero when the server runs elsewhere.
    /// </summary>
    public static TimeSpan ServerCpuTime()
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "postgres") continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
                var parent = int.Parse(fields[1]);
                var parentName = File.Exists($"/proc/{parent}/comm") ? File.ReadAllText($"/proc/{parent}/comm").Trim() : "";
                if (parentName != "postgres") ticks += long.Parse(fields[13]) + long.Parse(fields[14]);
            }
            catch (IOException)
            {
                // Ended meanwhile.
            }
        }
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public void Dispose() => Execute($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
