using Npgsql;

namespace ChatPay.Tests.Support;

/// <summary>
/// A database of its own on the PostgreSQL server named by the environment variable CHATPAY_TEST_POSTGRES (a connection
/// string; .ci/run starts a cluster and sets it), dropped afterwards. Without the variable a test that asks for one is
/// reported skipped with the reason, never passed. Make it inside the test, not in the class's constructor, so the skip counts.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    public const string Variable = "CHATPAY_TEST_POSTGRES";
    private readonly string _server;
    private readonly string _database = $"chatpay_test_{Guid.NewGuid():N}";

    public TestPostgres()
    {
        _server = Environment.GetEnvironmentVariable(Variable) ?? "";
        Skip.If(_server.Length == 0, $"No PostgreSQL server: set {Variable} to a connection string (.ci/run starts one).");
        Execute($"CREATE DATABASE {_database}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The Bot's settings for this database (with the secrets key every instance on it shares).</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = ConnectionString,
        ["Storage:SecretsKey"] = "test-secrets-key-0123456789abcdef0123",
    };

    public T Scalar<T>(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
