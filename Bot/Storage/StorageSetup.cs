using System.ComponentModel.DataAnnotations;
using ChatPay.Bot.Api;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Storage.PostgreSql;
using ChatPay.Bot.Storage.Records;
using ChatPay.Bot.Storage.Sql;
using ChatPay.Bot.Storage.Sqlite;
using ChatPay.Domain.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ChatPay.Bot.Storage;

public static class StorageSetup
{
    /// <summary>
    /// Opens the database (<see cref="StorageOptions.ProviderIn"/>) while the host is being built, so a second instance on the
    /// same LiteDB file, or a PostgreSQL server that cannot be reached, stops here with a clear message before anything else starts.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (options.Validate(new ValidationContext(options)).FirstOrDefault() is { } invalid) throw new SettingsException(invalid.ErrorMessage!);

        OwnerOnlyFiles.ForThisProcess();
        var signal = new ChatSignal();
        builder.Services.AddSingleton(signal);
        var provider = options.ProviderIn(builder.Environment.ContentRootPath);
        // Also where the provider was not set: this installation's data is in SQLite, and the password cannot apply to it.
        if (provider == StorageProvider.Sqlite && options.PasswordOrNull is not null) throw new SettingsException(StorageOptions.SqlitePasswordRefusal);
        if (provider == StorageProvider.PostgreSql) AddPostgreSql(builder.Services, options, signal);
        else if (provider == StorageProvider.Sqlite) AddSqlite(builder.Services, options.SqliteFullPath(builder.Environment.ContentRootPath), signal);
        else AddLiteDb(builder.Services, new LiteDbStore(options.FullPath(builder.Environment.ContentRootPath), signal, options.PasswordOrNull));
        builder.Services.AddSingleton<IChatPayStore>(sp => sp.GetRequiredService<IHostStore>());
        builder.Services.AddDataProtection().SetApplicationName("ChatPay").PersistKeysToFileSystem(new DirectoryInfo(options.KeyRingFullPath(builder.Environment.ContentRootPath)));
        builder.Services.AddSingleton<SecretProtector>();
        builder.Services.AddSingleton<HostSettings>();
        builder.Services.AddSingleton<ChatOutbox>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static void AddLiteDb(IServiceCollection services, LiteDbStore store)
    {
        AddPorts<LiteDbStore, LiteRecordTables, LiteOutboxStore, LiteHostPorts, LiteRetention>(services, store);
        services.AddSingleton<ILeadership, SoleLeadership>();
        services.AddHostedService<BackupListener>();
        // Databases of earlier versions brought up to date at start (a PostgreSQL database is created by this version).
        services.AddHostedService<EarlierReceipts>();
        services.AddHostedService<VnPayEarlierAttempts>();
        services.AddHostedService<EarlierRequests>();
    }

    private static void AddPostgreSql(IServiceCollection services, StorageOptions options, ChatSignal signal)
    {
        PgStore store;
        try
        {
            store = new PgStore(options.ConnectionString!, signal);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new StorageUnavailableException($"The PostgreSQL database in Storage:ConnectionString cannot be used ({e.Message}).", e);
        }
        AddPorts<PgStore, SqlRecordTables, SqlOutboxStore, SqlHostPorts, SqlRetention>(services, store);
        services.AddSingleton<ISqlStore>(store);
        services.AddSingleton<PgLeadership>();
        services.AddSingleton<ILeadership>(sp => sp.GetRequiredService<PgLeadership>());
        services.AddHostedService(sp => sp.GetRequiredService<PgLeadership>());
        services.AddHostedService<PgChatChanges>();
    }

    private static void AddSqlite(IServiceCollection services, string path, ChatSignal signal)
    {
        SqliteStore store;
        try
        {
            store = new SqliteStore(path, signal);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"The SQLite database {path} cannot be used ({e.Message}).", e);
        }
        AddPorts<SqliteStore, SqlRecordTables, SqlOutboxStore, SqlHostPorts, SqlRetention>(services, store);
        services.AddSingleton<ISqlStore>(store);
        services.AddSingleton<ILeadership, SoleLeadership>();
    }

    /// <summary>One store's sides of the host's ports: each provider has a class for each.</summary>
    private static void AddPorts<TStore, TRecords, TOutbox, TPorts, TRetention>(IServiceCollection services, TStore store)
        where TStore : class, IHostStore
        where TRecords : class, IRecordTables
        where TOutbox : class, IOutboxStore
        where TPorts : class, IPortalEventStore, IStoreStatistics
        where TRetention : class, IRetention
    {
        services.AddSingleton(store);
        services.AddSingleton<IHostStore>(store);
        services.AddSingleton<IRecordTables, TRecords>();
        services.AddSingleton<IOutboxStore, TOutbox>();
        services.AddSingleton<TPorts>();
        services.AddSingleton<IPortalEventStore>(sp => sp.GetRequiredService<TPorts>());
        services.AddSingleton<IStoreStatistics>(sp => sp.GetRequiredService<TPorts>());
        services.AddSingleton<IRetention, TRetention>();
    }

    /// <summary>The store <see cref="AddStorage"/> opened, for channels to register with while the host is built.</summary>
    public static IHostStore Store(this WebApplicationBuilder builder) =>
        (IHostStore)builder.Services.Single(d => d.ServiceType == typeof(IHostStore)).ImplementationInstance!;

    /// <summary>Says once, at start, what opening the database changed.</summary>
    public static WebApplication ReportStorage(this WebApplication app)
    {
        if (app.Services.GetService<LiteDbStore>() is { EncryptedOnOpen: true })
            app.Logger.LogWarning("The existing database was encrypted with Storage:Password; from now on it opens only with that password.");
        return app;
    }
}
