using ChatPay.Bot.Api;
using ChatPay.Bot.Channels;
using ChatPay.Bot.Conversations;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Limits;
using ChatPay.Bot.Notices;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Portal;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Reports;
using ChatPay.Bot.Staff;
using ChatPay.Bot.Storage;

namespace ChatPay.Bot.Hosting;

/// <summary>
/// The configuration sections ChatPay reads, each with its options class: the core's, then each channel's and each gateway's
/// (a gateway's lies inside Payments, as Payments:MoMo, and is checked as its own section).
/// </summary>
public static class ChatPaySections
{
    public static readonly IReadOnlyDictionary<string, Type> All = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [AppOptions.Section] = typeof(AppOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [ConversationsOptions.Section] = typeof(ConversationsOptions),
        [PaymentsOptions.Section] = typeof(PaymentsOptions),
        [ReceiptsOptions.Section] = typeof(ReceiptsOptions),
        [StaffOptions.Section] = typeof(StaffOptions),
        [SupportOptions.Section] = typeof(SupportOptions),
        [NotificationsOptions.Section] = typeof(NotificationsOptions),
        [ReportsOptions.Section] = typeof(ReportsOptions),
        [ApiOptions.Section] = typeof(ApiOptions),
        [PortalOptions.Section] = typeof(PortalOptions),
        [DemoOptions.Section] = typeof(DemoOptions),
        [LimitsOptions.Section] = typeof(LimitsOptions),
    }.Concat(ChannelModules.All.Where(c => c.Section is not null).Select(c => KeyValuePair.Create(c.Section!, c.Options!)))
        .Concat(GatewayModules.All.Select(g => KeyValuePair.Create(g.Section, g.Options)))
        .ToDictionary(StringComparer.OrdinalIgnoreCase);
}
