namespace ChatPay.Fakes.Telegram;

/// <summary>
/// A message the bot sent, as it stands now. <paramref name="Html"/> is the text exactly as the bot sent it (markup
/// included when it used parse_mode HTML); <paramref name="Text"/> is what the user sees: tags removed, entities
/// decoded, surrounding whitespace trimmed as Telegram does.
/// </summary>
public sealed record FakeMessage(
    long ChatId,
    int MessageId,
    string Html,
    string Text,
    IReadOnlyList<IReadOnlyList<FakeButton>> Keyboard,
    DateTimeOffset SentAt,
    int Edits);
