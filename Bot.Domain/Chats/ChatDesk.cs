using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Security;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;

namespace ChatPay.Domain.Chats;

/// <summary>
/// The front door every channel uses: records what a person sent, routes it to the staff commands or the
/// chat's conversation, and queues the replies, all as one stored step.
/// </summary>
public sealed class ChatDesk(IChatPayStore store, TimeProvider clock, ChatPayRules rules, IPublicLinks links, IAttemptLimits limits)
{
    private readonly ConversationSteps _steps = new(rules, links);
    private readonly StaffDesk _staff = new(rules, links, limits);
    private readonly ProblemReports _reports = new();
    private readonly CitizenNotices _notices = new(rules);

    /// <summary>
    /// Handles one input as one stored step. With an <paramref name="eventKey"/> (the channel's id for the
    /// event), an event seen before is ignored: returns false.
    /// </summary>
    public bool Handle(ChatAddress chat, ChatInput input, string? eventKey = null) => store.Write(session =>
    {
        if (eventKey is not null && !session.Inbox.FirstTime(eventKey, clock.GetUtcNow())) return false;
        Handle(session, chat, input);
        return true;
    });

    /// <summary>
    /// Handles a channel's batch of inputs, in order, as one stored step: under load this spares a commit per
    /// input. Inputs seen before are skipped; returns how many were handled.
    /// </summary>
    public int HandleAll(IReadOnlyList<(ChatAddress Chat, ChatInput Input, string EventKey)> inputs) => store.Write(session =>
    {
        var handled = 0;
        foreach (var (chat, input, eventKey) in inputs)
        {
            if (!session.Inbox.FirstTime(eventKey, clock.GetUtcNow())) continue;
            Handle(session, chat, input);
            handled++;
        }
        return handled;
    });

    /// <summary>Greets a chat that has just been opened (the web chat's first visit), as if the person had typed /start.</summary>
    public void Greet(ChatAddress chat, string? origin = null) => store.Write(session =>
    {
        var start = new TextInput("/start") { Origin = origin };
        _steps.Run(session, new LookupCaller(chat, start, limits), clock.GetUtcNow(), (conversation, context) => conversation.Handle(start, context));
        return true;
    });

    /// <summary>Handles the input inside a step the caller already opened (so a channel can record its own marks with it).</summary>
    public void Handle(IStoreSession session, ChatAddress chat, ChatInput input)
    {
        var now = clock.GetUtcNow();
        switch (input)
        {
            case TextInput text:
                session.ChatLog.RecordIncoming(chat, ForTheRecord(text.Text), now);
                if (ChatCommand.TryParse(TextPolish.Clean(text.Text), out var command))
                {
                    if (_staff.TryHandle(session, chat, command, input, now)) return;
                    if (!input.InGroup && OnCitizenCommand(session, chat, command, input, now)) return;
                }
                // Paying happens in a private chat: a group never sees a citizen's fees or links.
                if (input.InGroup) session.ChatLog.Send(chat, StaffTexts.GroupHelp(), now);
                else _steps.Run(session, new LookupCaller(chat, input, limits), now, (conversation, context) => conversation.Handle(input, context));
                // A first "/start" (not a link's) also offers to be told of requests, where the app can share a phone number.
                if (command is { Spec.Action: CommandAction.Start, Argument.Length: 0 } && _notices.Offer(session, chat, input.InGroup) is { } offer)
                    session.ChatLog.Send(chat, offer, now);
                break;

            case PhotoInput photo:
                session.ChatLog.RecordIncoming(chat, SentPhoto, now);
                if (!input.InGroup) OnPhoto(session, chat, photo, now);
                break;

            case ContactInput contact:
                session.ChatLog.RecordIncoming(chat, SharedPhone, now);
                if (!input.InGroup) _notices.Link(session, chat, contact, now);
                break;

            case PressInput press:
                OnPress(session, chat, press, now);
                break;

            case LinkInput link:
                session.ChatLog.RecordIncoming(chat, OpenedLink, now);
                if (!input.InGroup) _steps.Run(session, new LookupCaller(chat, input, limits), now, (conversation, context) => conversation.Handle(link, context));
                break;
        }
    }

    private void OnPress(IStoreSession session, ChatAddress chat, PressInput press, DateTimeOffset now)
    {
        // Where the channel says which message carried the button, the press must match a button that message had.
        ChoiceButton? button = null;
        if (press.MessageId is { } messageId)
        {
            button = session.ChatLog.ChoicesOf(chat, messageId).FirstOrDefault(b => b.Payload == press.Payload);
            if (button is null)
            {
                session.ChatLog.RecordIncoming(chat, "[nút không hợp lệ]", now);
                session.ChatLog.Send(chat, CitizenTexts.InvalidButton(), now);
                return;
            }
        }
        session.ChatLog.RecordIncoming(chat, button?.Label ?? "[bấm nút]", now);

        if (!press.InGroup && NoticeButton.TryParse(press.Payload, out var notice))
        {
            // The same as typing the code, whatever the chat was doing (another payment under way included).
            var typed = new TextInput(notice.DossierCode) { Origin = press.Origin };
            _steps.Run(session, new LookupCaller(chat, typed, limits), now, (conversation, context) => conversation.Handle(typed, context));
            if (button is not null) session.ChatLog.CloseChoices(chat, press.MessageId!.Value, button.Label);
            return;
        }
        // Staff decide in their groups too (an agency's officers' group is the usual place).
        if (RefundButton.TryParse(press.Payload, out var refundButton))
        {
            _staff.PressRefund(session, chat, refundButton, press, now);
            if (refundButton.Action == RefundAction.Ask && button is not null) session.ChatLog.CloseChoices(chat, press.MessageId!.Value, button.Label);
            return;
        }
        if (StaffButton.TryParse(press.Payload, out var staffButton))
        {
            // A claim updates every officer's copy itself; a re-check closes the button that asked.
            _staff.Press(session, chat, staffButton, press, now);
            if (staffButton.Action == StaffAction.Recheck && button is not null) session.ChatLog.CloseChoices(chat, press.MessageId!.Value, button.Label);
            return;
        }
        if (press.InGroup) return;
        _steps.Run(session, new LookupCaller(chat, press, limits), now, (conversation, context) => conversation.Handle(press, context));
        if (button is not null) session.ChatLog.CloseChoices(chat, press.MessageId!.Value, button.Label);
    }

    /// <summary>
    /// A photo of the slip: its code read is the same as the code typed; ChatPay's own QR code of a one-tap link (on an
    /// officer's printed slip) is the same as opening the link. Anything else gets a hint.
    /// </summary>
    private void OnPhoto(IStoreSession session, ChatAddress chat, PhotoInput photo, DateTimeOffset now)
    {
        ChatInput? read = photo.DecodedText switch
        {
            { } text when PayLinkToken(text) is { } token => new LinkInput(token) { Origin = photo.Origin },
            { } text when DossierCodeReader.Read(text) is DossierCodeReading.Found found => new TextInput(found.Code.Value) { Origin = photo.Origin },
            _ => null,
        };
        if (read is null) session.ChatLog.Send(chat, CitizenTexts.NoCodeInPhoto(photo.Problem), now);
        else _steps.Run(session, new LookupCaller(chat, read, limits), now, (conversation, context) => conversation.Handle(read, context));
    }

    /// <summary>The token of a one-tap web link ("…/?ma=&lt;token&gt;"), if the text is one.</summary>
    private static string? PayLinkToken(string text)
    {
        var at = text.IndexOf("?ma=", StringComparison.Ordinal);
        if (at < 0 || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out _)) return null;
        var token = text[(at + 4)..].Trim();
        return PayLink.LooksLikeToken(token) ? token : null;
    }

    private bool OnCitizenCommand(IStoreSession session, ChatAddress chat, ChatCommand command, ChatInput input, DateTimeOffset now)
    {
        OutgoingMessage? reply;
        switch (command.Spec?.Action)
        {
            case CommandAction.Report:
                _reports.Report(session, new LookupCaller(chat, input, limits), command.Argument, now, rules.CodeLookups);
                return true;
            case CommandAction.LinkPhone: reply = _notices.AskToLink(session, chat); break;
            case CommandAction.UnlinkPhone: reply = _notices.Unlink(session, chat); break;
            default: return false;
        }
        session.ChatLog.Send(chat, reply, now);
        return true;
    }

    /// <summary>
    /// The text as the chat's history keeps it: cut to size, and an enrolment code or a link's token never kept in clear (a
    /// history shown on another screen, read by support, or left in a backup must not hand out access).
    /// </summary>
    private static string ForTheRecord(string text)
    {
        var clean = TextPolish.Clean(text.Length > ChatInput.MaxTextLength * 2 ? text[..(ChatInput.MaxTextLength * 2)] : text);
        if (ChatCommand.TryParse(clean, out var command) && command.Argument.Length > 0)
        {
            if (command.Spec?.Action == CommandAction.Enroll) return $"{CommandTable.Of(CommandAction.Enroll).Name} {HiddenCode}";
            // A one-tap link's token opens a dossier's fees: it is kept out of the history like a password.
            if (command.Spec?.Action == CommandAction.Start && DossierCodeReader.Read(command.Argument) is not DossierCodeReading.Found)
                return $"{CommandTable.Of(CommandAction.Start).Name} {HiddenCode}";
        }
        return clean.Length > ChatInput.MaxTextLength ? clean[..ChatInput.MaxTextLength] + "…" : clean;
    }

    /// <summary>What the history shows in place of an enrolment code or a link's token.</summary>
    public const string HiddenCode = "••••••••";

    /// <summary>What the history shows for a photo (never the photo).</summary>
    public const string SentPhoto = "[Ảnh giấy tiếp nhận hồ sơ]";

    /// <summary>What the history shows for a shared phone number (never the number).</summary>
    public const string SharedPhone = "Chia sẻ số điện thoại";

    /// <summary>What the history shows for a one-tap link opened in the web chat.</summary>
    public const string OpenedLink = "Mở liên kết thanh toán";
}
