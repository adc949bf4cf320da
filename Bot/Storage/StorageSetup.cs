using ChatPay.Domain.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ChatPay.Bot.Storage;

public static class StorageSetup
{
    /// <summary>
    /// Opens the database while the host is being built, so a second instance on the same file stops here
    /// with a clear message, before anything else starts.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var path = options.FullPath(builder.Environment.ContentRootPath);

        OwnerOnlyFiles.ForThisProcess();
        var signal = new ChatSignal();
        var store = new LiteDbStore(path, signal, options.PasswordOrNull);
        builder.Services.AddSingleton(signal);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IChatPayStore>(sp => sp.GetRequiredService<LiteDbStore>());
        builder.Services.AddDataProtection().SetApplicationName("ChatPay").PersistKeysToFileSystem(new DirectoryInfo(options.KeyRingFullPath(builder.Environment.ContentRootPath)));
        builder.Services.AddSingleton<SecretProtector>();
        builder.Services.AddSingleton<HostSettings>();
        builder.Services.AddSingleton<ChatOutbox>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>The store <see cref="AddStorage"/> opened, for channels to register with while the host is built.</summary>
    public static LiteDbStore Store(this WebApplicationBuilder builder) =>
        (LiteDbStore)builder.Services.Single(d => d.ServiceType == typeof(LiteDbStore)).ImplementationInstance!;

    /// <summary>Says once, at start, what opening the database changed.</summary>
    public static WebApplication ReportStorage(this WebApplication app)
    {
        if (app.Services.GetRequiredService<LiteDbStore>().EncryptedOnOpen)
            app.Logger.LogWarning("The existing database was encrypted with Storage:Password; from now on it opens only with that password.");
        return app;
    }
}
