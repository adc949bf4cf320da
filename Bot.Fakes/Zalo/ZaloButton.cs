namespace ChatPay.Fakes.Zalo;

/// <summary>
/// A template button: <paramref name="Payload"/> is set for oa.query.hide and oa.query.show (the text a tap sends back),
/// <paramref name="Url"/> for oa.open.url.
/// </summary>
public sealed record ZaloButton(string Title, string Type, string? Payload, string? Url);
