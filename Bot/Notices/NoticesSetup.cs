using System.Security.Cryptography;
using ChatPay.Bot.Channels.Outbox;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Notices;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Notices;

public static class NoticesSetup
{
    /// <summary>The setting the generated phone-hash key is kept under (encrypted with the others when Storage:Password is set).</summary>
    public const string KeySetting = "notifications.phoneHashKey";

    public static WebApplicationBuilder AddNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>The rules from Notifications, the key (configured, or made once and kept), and the channels that can share a phone number.</summary>
    public static NoticeRules Rules(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        var key = options.PhoneHashKey.Length > 0 && NotificationsOptions.TryKey(options.PhoneHashKey, out var configured)
            ? configured
            : Convert.FromBase64String(services.GetRequiredService<HostSettings>().GetOrCreate(KeySetting, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var phoneChannels = services.GetServices<IChannel>().Where(c => c.Traits.CanAskForPhone).Select(c => c.Channel.Name).ToHashSet();
        var quiet = new QuietHours(options.QuietHours.Enabled, options.QuietHours.Start, options.QuietHours.End);
        return new NoticeRules(key, phoneChannels, options.ReminderAfter, options.MaxReminders, quiet, services.GetService<PhoneService>());
    }
}
