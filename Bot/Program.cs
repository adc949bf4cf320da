using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Storage;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddStorage();
}
catch (DatabaseInUseException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
builder.AddChatPayCore();
builder.AddPayments();
builder.AddDemo();

var app = builder.Build();
app.MapWebChat();
app.MapPayments();
app.MapReceipts();
app.MapHealthChecks("/health");
app.Run();
return 0;
