using ChatPay.Bot.Hosting;
namespace ChatPay.Bot.Demo;

public static class DemoSetup
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddLeaderService<DemoSeeder>();
        return builder;
    }
}
