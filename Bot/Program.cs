using ChatPay.Bot.Api;
using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Channels.Zalo;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Health;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Portal;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Storage;
using Microsoft.Extensions.Options;

if (args is ["backup", .. var backupArgs]) return await BackupCommand.RunAsync(backupArgs);

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddRequestLimits();
    builder.AddStorage();
    builder.AddHealth();
    builder.AddOperations();
    builder.AddChatPayCore();
    builder.AddPayments();
    builder.AddPaymentRequestApi();
    builder.AddPortalWebhook();
    builder.AddTelegram();
    builder.AddZalo();
    builder.AddDemo();

    await using var app = builder.Build();
    // Validate every options section now, before hosted services resolve (and log) anything built from them.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    app.ReportStorage();
    app.StartMetrics();
    app.UseRequestLimits();
    app.MapWebChat();
    app.MapTelegram();
    app.MapZalo();
    app.MapPayments();
    app.MapPaymentRequestApi();
    app.MapReceipts();
    app.MapHealth();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is StorageUnavailableException or OptionsValidationException)
{
    // Configuration mistakes deserve one clear sentence, not a stack trace.
    Console.Error.WriteLine($"ChatPay cannot start: {e.Message}");
    return 1;
}
