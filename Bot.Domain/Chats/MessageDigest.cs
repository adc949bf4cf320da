namespace ChatPay.Domain.Chats;

/// <summary>
/// Messages in the shape a channel's limits call for, in the domain's words: several waiting alerts as one message
/// (Telegram lets a group have 20 messages a minute), and a change to a sent message as a short new one where the
/// channel cannot edit (Zalo).
/// </summary>
public static class MessageDigest
{
    /// <summary>Several messages as one numbered message; each keeps its buttons, labelled with its number.</summary>
    public static OutgoingMessage Combine(IReadOnlyList<OutgoingMessage> messages)
    {
        if (messages.Count == 1) return messages[0];
        var text = $"🔔 {messages.Count} thông báo mới:\n\n" + string.Join("\n\n", messages.Select((m, i) => $"{i + 1}. {Compact(m.Text)}"));
        var choices = messages.SelectMany((m, i) => m.Choices.Select(c => c with { Label = $"{c.Label} ({i + 1})" }));
        var links = messages.SelectMany((m, i) => m.Links.Select(l => l with { Label = $"{l.Label} ({i + 1})" }));
        return new OutgoingMessage(text, [.. choices], [.. links]);
    }

    /// <summary>A changed message told again in brief: its first line (what it is about) and its last (what changed).</summary>
    public static OutgoingMessage ChangeNotice(OutgoingMessage changed)
    {
        var lines = changed.Text.Split('\n');
        return new OutgoingMessage(lines.Length > 1 ? $"{lines[0]}\n{lines[^1]}" : lines[0]);
    }

    private static string Compact(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 1 ? lines[0] : $"{lines[0]}\n{string.Join(" · ", lines[1..])}";
    }
}
