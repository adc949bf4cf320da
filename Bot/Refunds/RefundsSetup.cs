using ChatPay.Bot.Hosting;
namespace ChatPay.Bot.Refunds;

public static class RefundsSetup
{
    /// <summary>Approved refunds are sent to their gateway by a background sender.</summary>
    public static WebApplicationBuilder AddRefunds(this WebApplicationBuilder builder)
    {
        builder.Services.AddLeaderService<RefundSender>();
        return builder;
    }
}
