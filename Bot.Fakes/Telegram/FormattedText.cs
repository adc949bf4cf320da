namespace ChatPay.Fakes.Telegram;

/// <summary>A message text after entity parsing: what the user sees and how it is formatted.</summary>
internal sealed record FormattedText(string Text, IReadOnlyList<MessageEntity> Entities)
{
    private const int MaxLength = 4096;

    /// <summary>Parses the text as Telegram does for sendMessage and editMessageText, refusing what Telegram refuses.</summary>
    public static FormattedText Read(string? text, string? parseMode)
    {
        var parsed = parseMode switch
        {
            null or "" => new FormattedText(text ?? "", []),
            _ when parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase) => TelegramHtml.Parse(text ?? ""),
            // Telegram would parse Markdown; the fake refuses loudly rather than accept text it cannot check.
            _ => throw ApiError.BadRequest($"unsupported parse_mode \"{parseMode}\" (the fake models HTML only)"),
        };
        var trimmed = parsed.Trimmed();
        if (trimmed.Text.Length == 0) throw ApiError.BadRequest("message text is empty");
        if (trimmed.Text.Length > MaxLength) throw ApiError.BadRequest("message is too long");
        return trimmed;
    }

    /// <summary>Same visible text and formatting: Telegram compares these, not the markup that produced them.</summary>
    public bool SameAs(FormattedText other) => Text == other.Text && Entities.SequenceEqual(other.Entities);

    // Telegram strips leading and trailing whitespace from a message and clips the entities to what remains.
    private FormattedText Trimmed()
    {
        var start = Text.Length - Text.TrimStart().Length;
        var text = Text.Trim();
        var entities = new List<MessageEntity>();
        foreach (var entity in Entities)
        {
            var from = Math.Max(entity.Offset - start, 0);
            var to = Math.Min(entity.Offset + entity.Length - start, text.Length);
            if (to > from) entities.Add(entity with { Offset = from, Length = to - from });
        }
        return new FormattedText(text, entities);
    }
}
