namespace ChatPay.Bot.Operations;

/// <summary>What one retention pass removed.</summary>
public readonly record struct RetentionReport(
    int Messages, int Conversations, int InboxKeys, int Tallies, int ApplicantPhones, int AuditSenderNames, int PortalEvents);
