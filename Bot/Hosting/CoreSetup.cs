using ChatPay.Bot.Conversations;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Notices;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Reports;
using ChatPay.Bot.Staff;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Deadlines;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Hosting;

public static class CoreSetup
{
    /// <summary>The domain's services and the rules they follow, assembled from configuration.</summary>
    public static WebApplicationBuilder AddChatPayCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConversationsOptions>().BindConfiguration(ConversationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReceiptsOptions>().BindConfiguration(ReceiptsOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReceiptsOptions>, ReceiptsOptionsValidator>();
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReceiptCertificates>();
        services.AddSingleton<ReceiptSeals>();
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AppLinks(sp.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl,
            // Kept, so a report link sent in the morning still opens after a restart.
            new ReportTokens(Convert.FromBase64String(sp.GetRequiredService<Storage.HostSettings>().GetOrCreate("reports.linkKey",
                () => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)))))));
        services.AddSingleton<IPublicLinks>(sp => sp.GetRequiredService<AppLinks>());
        services.AddSingleton<DemoEnrollmentCodes>();
        services.AddSingleton(CreateRules);
        services.AddSingleton<ChatDesk>();
        services.AddSingleton<PaymentSettlement>();
        services.AddSingleton<PaymentLinks>();
        services.AddSingleton<PaymentRequests>();
        services.AddSingleton<DeadlineSweep>();
        services.AddSingleton<EnrollmentReview>();
        services.AddLeaderService<EnrollmentReviewService>();
        services.AddLeaderService<DeadlineService>();
        return builder;
    }

    private static ChatPayRules CreateRules(IServiceProvider services)
    {
        var payments = services.GetRequiredService<IOptions<PaymentsOptions>>().Value;
        var conversations = services.GetRequiredService<IOptions<ConversationsOptions>>().Value;
        var receipts = services.GetRequiredService<IOptions<ReceiptsOptions>>().Value;
        var staff = services.GetRequiredService<IOptions<StaffOptions>>().Value;
        var support = services.GetRequiredService<IOptions<SupportOptions>>().Value;

        var agencies = staff.Agencies.Select(a => new Agency(a.Code, a.Name, a.EnrollmentCode, a.TaxCode, a.Address)).ToList();
        var supportCode = staff.SupportEnrollmentCode;
        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            var demoCodes = services.GetRequiredService<DemoEnrollmentCodes>();
            agencies.AddRange(DemoData.Agencies.Where(d => agencies.All(a => a.Code != d.Code))
                .Select(d => new Agency(d.Code, d.Name, demoCodes.ForAgency(d.Code), d.TaxCode, d.Address)));
            if (supportCode.Length == 0) supportCode = demoCodes.ForSupport();
        }

        return new ChatPayRules(
            conversations.IdleTimeout,
            payments.LinkLifetime,
            PaymentsSetup.Choices(payments, services.GetRequiredService<IConfiguration>()),
            new ReceiptRules(receipts.FormNumber, receipts.SeriesPrefix, Trial: PaymentsSetup.Kind(services.GetRequiredService<IConfiguration>()) == GatewayKind.Sandbox),
            new StaffRules(agencies, supportCode, staff.ClaimReminderAfter, staff.MaxReminders),
            new ReconciliationRules(payments.Reconciliation.Delay, payments.Reconciliation.GiveUpAfter),
            new CodeLookupRules(conversations.MaxWrongCodes, conversations.WrongCodeWindow),
            new SupportRules(support.Hotline, support.AnswerWithin),
            NoticesSetup.Rules(services));
    }
}
