using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Outbox;

/// <summary>
/// One domain message as the messages a channel can take: the text split at line breaks into parts within its limit,
/// the buttons on the last text part and, past the channel's count, on following messages; links the channel would
/// refuse as buttons in the text.
/// </summary>
public sealed record MessageParts(IReadOnlyList<OutgoingMessage> Parts, int KeyPart)
{
    /// <summary>Text of a message that only carries more buttons.</summary>
    public const string MoreChoices = "Lựa chọn khác:";

    /// <summary>The part carrying the first buttons and the choice made: the one later edits change and a search after a crash looks for.</summary>
    public OutgoingMessage Key => Parts[KeyPart];

    public static MessageParts Of(OutgoingMessage message, ChannelTraits traits)
    {
        var inline = traits.LinkButtonsToPrivateAddresses ? [] : message.Links.Where(l => !Public(l.Url)).ToList();
        var text = message.Text + string.Concat(inline.Select(l => $"\n{l.Label}: {l.Url}"));
        var links = message.Links.Except(inline).ToList();
        var choices = message.Chosen is null ? message.Choices : [];
        var buttons = links.Select(l => ((LinkButton?)l, (ChoiceButton?)null)).Concat(choices.Select(c => ((LinkButton?)null, (ChoiceButton?)c)))
            .Chunk(traits.MaxButtonsPerMessage).ToList();

        var texts = Split(text, traits.MaxTextLength);
        var parts = texts.Select(t => new OutgoingMessage(t)).ToList();
        var keyPart = parts.Count - 1;
        parts[keyPart] = With(parts[keyPart], buttons.FirstOrDefault() ?? []) with
        {
            Chosen = message.Chosen, AsksForPhone = message.AsksForPhone, EndsPhoneRequest = message.EndsPhoneRequest,
        };
        parts.AddRange(buttons.Skip(1).Select(group => With(new OutgoingMessage(MoreChoices), group)));
        return new MessageParts(parts, keyPart);
    }

    private static OutgoingMessage With(OutgoingMessage part, (LinkButton? Link, ChoiceButton? Choice)[] buttons) =>
        part with { Links = [.. buttons.Where(b => b.Link is not null).Select(b => b.Link!)], Choices = [.. buttons.Where(b => b.Choice is not null).Select(b => b.Choice!)] };

    /// <summary>An address the app's servers could open: not loopback, not "localhost".</summary>
    private static bool Public(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsLoopback && uri.Host != "localhost";

    /// <summary>Splits at line breaks into pieces of at most <paramref name="limit"/> characters; a longer line is cut.</summary>
    private static List<string> Split(string text, int limit)
    {
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            IEnumerable<string> cuts = line.Length == 0 ? [""] : line.Chunk(limit).Select(c => new string(c));
            foreach (var cut in cuts)
            {
                if (current.Length > 0 && current.Length + cut.Length + 1 > limit)
                {
                    pieces.Add(current.ToString());
                    current.Clear();
                }
                if (current.Length > 0) current.Append('\n');
                current.Append(cut);
            }
        }
        pieces.Add(current.Length == 0 ? "…" : current.ToString());
        return pieces;
    }
}
