using System.Text.Json.Serialization;

namespace ChatPay.Bench.StoreModel;

/// <summary>
/// The documents a payment journey writes, cut down to the fields each store indexes plus a body of the real size:
/// enough for a store to do the work ChatPay asks of it, without ChatPay's domain on top.
/// </summary>
public static class ModelDocuments
{
    public sealed class Message
    {
        public long Id { get; set; }
        public string ChatKey { get; set; } = "";
        public string Text { get; set; } = "";
        public List<string> Buttons { get; set; } = [];
        /// <summary>Set while the message waits to be sent, as ChatPay's chat log keeps it (an array absent when empty).</summary>
        public List<string>? QueueKeys { get; set; }
        public List<string>? RefKeys { get; set; }
        public string? InFlightBatch { get; set; }
        public string Delivery { get; set; } = "Pending";
        public string? ExternalId { get; set; }
        public DateTime At { get; set; }
    }

    public sealed class Payment
    {
        public string Id { get; set; } = "";
        public string LinkToken { get; set; } = "";
        public string DossierCode { get; set; } = "";
        public DateTime? OpenUntil { get; set; }
        public DateTime? NextCheckAt { get; set; }
        public string State { get; set; } = "Open";
        public DateTime? FinishedAt { get; set; }
        public DateTime? OpenedAt { get; set; }
        public long Amount { get; set; }
        public string? GatewayTransactionNo { get; set; }
    }

    public sealed class FeeLine
    {
        public string Name { get; set; } = "";
        public long Amount { get; set; }
    }

    public sealed class Dossier
    {
        public string Id { get; set; } = "";
        public string AgencyCode { get; set; } = "H42.10";
        public DateTime? NextReminderAt { get; set; }
        public DateTime? NextNoticeAt { get; set; }
        public string? ApplicantPhoneHash { get; set; }
        public string Status { get; set; } = "AwaitingPayment";
        public string Applicant { get; set; } = "Nguyễn Văn An";
        public string Procedure { get; set; } = "Cấp bản sao trích lục hộ tịch";
        public List<FeeLine> Lines { get; set; } = [];
    }

    public sealed class Receipt
    {
        public string Id { get; set; } = "";
        public string AccessToken { get; set; } = "";
        public string LookupCode { get; set; } = "";
        public string DossierCode { get; set; } = "";
        public string Payer { get; set; } = "Nguyễn Văn An";
        public long Total { get; set; }
        public DateTime PaidAt { get; set; }
        public List<FeeLine> Lines { get; set; } = [];
    }

    public sealed class Conversation
    {
        public string Id { get; set; } = "";
        public string State { get; set; } = "Idle";
        public string? DossierCode { get; set; }
        public DateTime? Deadline { get; set; }
        public string Snapshot { get; set; } = "";
    }

    public sealed class SeenUpdate
    {
        public string Id { get; set; } = "";
        public DateTime SeenAt { get; set; }
    }

    public sealed class PortalEvent
    {
        public string Id { get; set; } = "";
        public DateTime? NextAttemptAt { get; set; }
        public string Body { get; set; } = "";
    }
}

/// <summary>Build-time JSON descriptions: what a store without reflection (native AOT) would use.</summary>
[JsonSerializable(typeof(ModelDocuments.Message))]
[JsonSerializable(typeof(ModelDocuments.Payment))]
[JsonSerializable(typeof(ModelDocuments.Dossier))]
[JsonSerializable(typeof(ModelDocuments.Receipt))]
[JsonSerializable(typeof(ModelDocuments.Conversation))]
[JsonSerializable(typeof(ModelDocuments.SeenUpdate))]
[JsonSerializable(typeof(ModelDocuments.PortalEvent))]
public sealed partial class ModelJson : JsonSerializerContext;
