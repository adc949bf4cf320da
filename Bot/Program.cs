using ChatPay.Bot.Api;
using ChatPay.Bot.Channels;
using ChatPay.Bot.Channels.Photos;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Health;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Limits;
using ChatPay.Bot.Notices;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Portal;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Refunds;
using ChatPay.Bot.Reports;
using ChatPay.Bot.Storage;
using Microsoft.Extensions.Options;

if (args is ["backup", .. var backupArgs]) return await BackupCommand.RunAsync(backupArgs);
if (args is [CopyFromLiteDbCommand.ToPostgreSql or CopyFromLiteDbCommand.ToSqlite, .. var copyArgs]) return CopyFromLiteDbCommand.Run(args[0], copyArgs);

var builder = WebApplication.CreateBuilder(args);
try
{
    var unreadSettings = SettingsCheck.Run(builder.Configuration);
    builder.AddRequestLimits();
    builder.AddLimits();
    builder.AddStorage();
    builder.AddHealth();
    builder.AddOperations();
    builder.AddChatPayCore();
    builder.AddNotices();
    builder.AddReports();
    builder.AddRefunds();
    builder.AddPayments();
    builder.AddPaymentRequestApi();
    builder.AddPortalWebhook();
    // Photos of the appointment slip, read the same way for every channel.
    builder.Services.AddSingleton<SlipReader>();
    foreach (var channel in ChannelModules.All) channel.Add(builder);
    builder.AddDemo();

    await using var app = builder.Build();
    // Validate every options section now, before hosted services resolve (and log) anything built from them.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    foreach (var key in unreadSettings) app.Logger.LogWarning("The setting {Key} is not read by ChatPay (a misspelling?); it has no effect", key);
    app.ReportStorage();
    app.WarnOnAddressMismatch();
    app.StartMetrics();
    app.UseKnownProxies();
    app.UseSecurityHeaders();
    app.UseRequestLimits();
    app.UseLimits();
    foreach (var channel in ChannelModules.All) channel.Map(app);
    app.MapPayments();
    app.MapPaymentRequestApi();
    app.MapReceipts();
    app.MapReportDownloads();
    app.MapHealth();
    await app.RunAsync();
    // A stop the Bot asked for itself (a leader that lost its database connection) is a failure, for systemd to restart it.
    return Environment.ExitCode;
}
catch (Exception e) when (e is StorageUnavailableException or OptionsValidationException or SettingsException
    || e is AggregateException aggregate && aggregate.InnerExceptions.All(inner => inner is OptionsValidationException))
{
    // Configuration mistakes deserve one clear sentence each, not a stack trace (several sections may be wrong at once).
    foreach (var mistake in e is AggregateException all ? all.InnerExceptions : [e])
        Console.Error.WriteLine($"ChatPay cannot start: {mistake.Message}");
    return 1;
}
