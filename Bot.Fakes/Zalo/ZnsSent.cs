namespace ChatPay.Fakes.Zalo;

/// <summary>A ZNS template message the fake accepted for a phone number; <paramref name="At"/> is on the fake's clock.</summary>
public sealed record ZnsSent(string Phone, string TemplateId, IReadOnlyDictionary<string, string> Data, string TrackingId, string MsgId, DateTimeOffset At);

/// <summary>A ZNS template as approved (or not) for the OA: the parameters it fills, each with its longest value.</summary>
public sealed record ZnsTemplate(string Id, bool Approved, IReadOnlyDictionary<string, int> Parameters);
