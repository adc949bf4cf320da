using ChatPay.Bot.Storage.PostgreSql;
using Npgsql;

namespace ChatPay.Tests.Storage.Contract;

/// <summary>
/// The storage contract on PostgreSQL, each test on a database of its own. The server is named by the environment variable
/// CHATPAY_TEST_POSTGRES (a connection string; .ci/run starts a cluster and sets it); without it the tests are reported
/// skipped with the reason, never passed.
/// </summary>
[Trait("Tier", "Integration")]
public sealed class PostgreSqlStoreContract : StoreContract
{
    public const string Variable = "CHATPAY_TEST_POSTGRES";
    private string? _database;
    private string? _server;

    protected override StoreParts NewStore()
    {
        _server = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrEmpty(_server), $"No PostgreSQL server: set {Variable} to a connection string (.ci/run starts one).");
        _database = $"chatpay_contract_{Guid.NewGuid():N}";
        Execute(_server!, $"CREATE DATABASE {_database}");
        var store = new PgStore(new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString);
        return new StoreParts(store, new PgOutboxStore(store), new PgRecordTables(store), new PgRetention(store), new PgHostPorts(store));
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_database is not null) Execute(_server!, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
