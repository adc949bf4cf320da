namespace ChatPay.Fakes.ZaloPay;

/// <summary>One callback attempt: the exact body sent, and the merchant's answer (null when it timed out or did not answer JSON).</summary>
public sealed record ZaloPayCallback(string AppTransId, string Body, int? ReturnCode, DateTimeOffset At);
