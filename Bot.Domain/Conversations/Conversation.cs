using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using Stateless;
using Stateless.Graph;
using static ChatPay.Domain.Conversations.ConversationState;

namespace ChatPay.Domain.Conversations;

/// <summary>
/// One chat's way through paying a dossier: code → fees → bank → payment link → receipt.
/// The state lives in a <see cref="ConversationSnapshot"/> so it can be stored between inputs; the machine
/// performs no I/O and returns what to say. Not thread-safe: callers handle one input of a chat at a time.
/// </summary>
public sealed class Conversation
{
    private enum Trigger
    {
        Start,
        DossierFound,
        Confirm,
        ChooseBank,
        ChangeBank,
        PaymentSucceeded,
        PaymentFailed,
        MoneyHeld,
        PaymentExpired,
        RequestClosed,
        Cancel,
        TimeOut,
    }

    private readonly StateMachine<ConversationState, Trigger> _machine;
    private readonly StateMachine<ConversationState, Trigger>.TriggerWithParameters<Dossier> _dossierFound;
    private readonly StateMachine<ConversationState, Trigger>.TriggerWithParameters<Payment, string> _bankChosen;
    private readonly StateMachine<ConversationState, Trigger>.TriggerWithParameters<Payment> _paymentFailed;
    private readonly List<OutgoingMessage> _replies = [];
    private ConversationSnapshot _snapshot;
    private IConversationContext? _context;

    public Conversation(ConversationSnapshot snapshot)
    {
        _snapshot = snapshot;
        _machine = new StateMachine<ConversationState, Trigger>(() => _snapshot.State, state => _snapshot = _snapshot with { State = state });
        _dossierFound = _machine.SetTriggerParameters<Dossier>(Trigger.DossierFound);
        _bankChosen = _machine.SetTriggerParameters<Payment, string>(Trigger.ChooseBank);
        _paymentFailed = _machine.SetTriggerParameters<Payment>(Trigger.PaymentFailed);
        Configure();
    }

    public ConversationSnapshot Snapshot => _snapshot;

    public ConversationState State => _snapshot.State;

    private IConversationContext Context => _context ?? throw new InvalidOperationException("No input is being handled.");

    private void Configure()
    {
        // Every transition moves the step on, so buttons sent before it are recognised as stale.
        _machine.OnTransitioned(_ => _snapshot = _snapshot with { Step = _snapshot.Step + 1 });

        _machine.Configure(Idle)
            .OnEntry(Forget, "Forget")
            .OnEntryFrom(Trigger.Cancel, () => Say(CitizenTexts.Cancelled()), "SayCancelled")
            .OnEntryFrom(Trigger.TimeOut, () => Say(CitizenTexts.TimedOut()), "SayTimedOut")
            .Permit(Trigger.Start, AwaitingCode)
            .Permit(Trigger.DossierFound, ConfirmingFees);

        _machine.Configure(AwaitingCode)
            .OnEntryFrom(Trigger.Start, () => Say(CitizenTexts.Welcome()), "SayWelcome")
            .PermitReentry(Trigger.Start)
            .Permit(Trigger.DossierFound, ConfirmingFees)
            .Permit(Trigger.Cancel, Idle)
            .Permit(Trigger.TimeOut, Idle);

        _machine.Configure(ConfirmingFees)
            .OnEntryFrom(_dossierFound, ShowFees, "ShowFees")
            .PermitReentry(Trigger.DossierFound)
            .Permit(Trigger.Confirm, ChoosingBank)
            .Permit(Trigger.Start, AwaitingCode)
            .Permit(Trigger.RequestClosed, Idle)
            .Permit(Trigger.Cancel, Idle)
            .Permit(Trigger.TimeOut, Idle);

        _machine.Configure(ChoosingBank)
            .OnEntryFrom(Trigger.Confirm, () => ShowBanks(null), "ShowBanks")
            .OnEntryFrom(Trigger.ChangeBank, () => ShowBanks(null), "ShowBanks")
            .OnEntryFrom(_paymentFailed, failed => ShowBanks(CitizenTexts.PaymentFailedLead(failed)), "ShowFailureAndBanks")
            .OnEntryFrom(Trigger.PaymentExpired, () => ShowBanks(CitizenTexts.LinkExpiredLead), "ShowExpiryAndBanks")
            .Permit(Trigger.ChooseBank, AwaitingPayment)
            .Permit(Trigger.DossierFound, ConfirmingFees)
            .Permit(Trigger.Start, AwaitingCode)
            .Permit(Trigger.RequestClosed, Idle)
            .Permit(Trigger.Cancel, Idle)
            .Permit(Trigger.TimeOut, Idle);

        _machine.Configure(AwaitingPayment)
            .OnEntryFrom(_bankChosen, ShowPaymentLink, "ShowPaymentLink")
            .OnExit(LeavePayment, "LeavePayment")
            .Permit(Trigger.PaymentSucceeded, Done)
            .Permit(Trigger.PaymentFailed, ChoosingBank)
            .Permit(Trigger.MoneyHeld, Idle)
            .Permit(Trigger.PaymentExpired, ChoosingBank)
            .Permit(Trigger.ChangeBank, ChoosingBank)
            .Permit(Trigger.DossierFound, ConfirmingFees)
            .Permit(Trigger.Start, AwaitingCode)
            .Permit(Trigger.RequestClosed, Idle)
            .Permit(Trigger.Cancel, Idle);

        _machine.Configure(Done)
            .Permit(Trigger.DossierFound, ConfirmingFees)
            .Permit(Trigger.Start, AwaitingCode);
    }

    /// <summary>Handles what the person sent and returns the replies.</summary>
    public IReadOnlyList<OutgoingMessage> Handle(ChatInput input, IConversationContext context) => Run(context, () =>
    {
        switch (input)
        {
            case TextInput text: OnText(text.Text); break;
            case PressInput press: OnPress(press.Payload); break;
            case LinkInput link: OnLink(link.Token); break;
        }
    });

    /// <summary>The gateway took the money for this chat's current attempt; the receipt is sent by the settlement.</summary>
    public IReadOnlyList<OutgoingMessage> PaymentSucceeded(Payment payment, IConversationContext context) =>
        Run(context, () => { if (Awaits(payment)) _machine.Fire(Trigger.PaymentSucceeded); });

    /// <summary>
    /// The gateway refused; the person may choose again. Where money was taken and held, the settlement tells them what
    /// happens next, and the conversation ends rather than offer to pay a second time.
    /// </summary>
    public IReadOnlyList<OutgoingMessage> PaymentFailed(Payment payment, IConversationContext context) => Run(context, () =>
    {
        if (!Awaits(payment)) return;
        if (payment.Flag == PaymentFlag.MoneyHeld) _machine.Fire(Trigger.MoneyHeld);
        else _machine.Fire(_paymentFailed, payment);
    });

    public IReadOnlyList<OutgoingMessage> PaymentExpired(Payment payment, IConversationContext context) =>
        Run(context, () => { if (Awaits(payment)) _machine.Fire(Trigger.PaymentExpired); });

    /// <summary>The dossier this chat is working on can no longer be paid here (paid from another chat, withdrawn).</summary>
    public IReadOnlyList<OutgoingMessage> RequestClosed(string dossierCode, OutgoingMessage reason, IConversationContext context) =>
        Run(context, () =>
        {
            if (_snapshot.DossierCode != dossierCode || !_machine.CanFire(Trigger.RequestClosed)) return;
            Say(reason);
            _machine.Fire(Trigger.RequestClosed);
        });

    /// <summary>The agency changed the request of the dossier this chat is working on: show the new lines.</summary>
    public IReadOnlyList<OutgoingMessage> RequestAmended(Dossier dossier, IConversationContext context) =>
        Run(context, () =>
        {
            if (_snapshot.DossierCode != dossier.Code || State is Idle or AwaitingCode or Done) return;
            Say(CitizenTexts.FeesChanged());
            _machine.Fire(_dossierFound, dossier);
        });

    /// <summary>Returns the chat to idle if its inactivity deadline has passed.</summary>
    public IReadOnlyList<OutgoingMessage> TimeOut(IConversationContext context) => Run(context, () =>
    {
        if (_snapshot.Deadline <= context.Now && _machine.CanFire(Trigger.TimeOut)) _machine.Fire(Trigger.TimeOut);
    });

    /// <summary>The machine's states and triggers in Graphviz DOT, for the README.</summary>
    public static string ToDotGraph() => UmlDotGraph.Format(Blank()._machine.GetInfo());

    /// <summary>The same graph in Mermaid, which renders on code hosting sites.</summary>
    public static string ToMermaidGraph() => MermaidGraph.Format(Blank()._machine.GetInfo());

    private static Conversation Blank() => new(ConversationSnapshot.New(new ChatAddress(new ChatChannel("Graph"), "graph"), DateTimeOffset.UnixEpoch));

    private IReadOnlyList<OutgoingMessage> Run(IConversationContext context, Action work)
    {
        _context = context;
        _replies.Clear();
        try
        {
            work();
            var interactive = State is AwaitingCode or ConfirmingFees or ChoosingBank;
            _snapshot = _snapshot with { UpdatedAt = context.Now, Deadline = interactive ? context.Now + context.IdleTimeout : null };
            return [.. _replies];
        }
        finally
        {
            _context = null;
        }
    }

    private void OnText(string raw)
    {
        if (raw.Length > ChatInput.MaxTextLength)
        {
            Say(CitizenTexts.TooLong());
            return;
        }
        var text = TextPolish.Clean(raw);
        if (text.StartsWith('/'))
        {
            OnCommand(text);
            return;
        }
        switch (DossierCodeReader.Read(text))
        {
            case DossierCodeReading.Found found: OnCode(found.Code); break;
            case DossierCodeReading.Malformed: Say(CitizenTexts.Malformed()); break;
            default:
                if (State is Idle or Done) _machine.Fire(Trigger.Start);
                else Say(CitizenTexts.Hint(State));
                break;
        }
    }

    private void OnCommand(string text)
    {
        ChatCommand.TryParse(text, out var command);
        switch (command.Spec?.Action)
        {
            case CommandAction.Start:
                // "/start <token>" is how Telegram delivers a one-tap link (t.me/<bot>?start=<token>).
                if (DossierCodeReader.Read(command.Argument) is DossierCodeReading.Found found) OnCode(found.Code);
                else if (command.Argument.Length > 0) OnLink(command.Argument);
                else _machine.Fire(Trigger.Start);
                break;
            case CommandAction.Cancel:
                if (_machine.CanFire(Trigger.Cancel)) _machine.Fire(Trigger.Cancel);
                else Say(CitizenTexts.NothingToCancel());
                break;
            case CommandAction.Help:
                Say(CitizenTexts.Help());
                break;
            case CommandAction.Receipt:
                ResendReceipt(command.Argument);
                break;
            default:
                Say(CitizenTexts.UnknownCommand());
                break;
        }
    }

    private void OnCode(DossierCode code)
    {
        if (Allowed(Context.LookUp(code.Value)) is not { } lookup) return;
        if (lookup.Dossier is null) Say(CitizenTexts.NotFound(code.Value));
        else Open(lookup.Dossier);
    }

    /// <summary>A one-tap link: the same as typing its dossier's code, while it is the request's current link.</summary>
    private void OnLink(string token)
    {
        if (Allowed(Context.OpenLink(token)) is not { } lookup) return;
        if (lookup.Dossier is null) Say(CitizenTexts.UnknownLink());
        else if (lookup.LinkReplaced && lookup.Dossier.Status == DossierStatus.AwaitingPayment) Say(CitizenTexts.LinkReplaced(lookup.Dossier));
        else Open(lookup.Dossier);
    }

    private void Open(Dossier dossier)
    {
        switch (dossier.Status)
        {
            case DossierStatus.Submitted: Say(CitizenTexts.NoPaymentRequest(dossier)); break;
            case DossierStatus.Withdrawn: Say(CitizenTexts.Withdrawn(dossier)); break;
            case DossierStatus.Paid: ShowReceipt(dossier); break;
            case DossierStatus.AwaitingPayment: _machine.Fire(_dossierFound, dossier); break;
        }
    }

    /// <summary>"/bienlai &lt;code&gt;" from the chat that paid; "/bienlai &lt;code&gt; &lt;last 4 digits of the applicant's phone&gt;" from any other.</summary>
    private void ResendReceipt(string argument)
    {
        if (ReceiptRequest(argument) is not ({ } code, var lastDigits))
        {
            Say(CitizenTexts.ReceiptUsage());
            return;
        }
        if (Allowed(Context.LookUp(code.Value)) is not { } lookup) return;
        var dossier = lookup.Dossier;
        switch (dossier?.Status)
        {
            case null: Say(CitizenTexts.NotFound(code.Value)); break;
            case DossierStatus.Paid: ShowReceipt(dossier, lastDigits); break;
            default: Say(CitizenTexts.NotPaidYet(dossier)); break;
        }
    }

    /// <summary>The code, and four trailing digits if the rest still reads as a code (a code's own serial is four digits too).</summary>
    private static (DossierCode? Code, string? LastDigits) ReceiptRequest(string argument)
    {
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 1 && words[^1] is { Length: 4 } last && last.All(char.IsAsciiDigit)
            && DossierCodeReader.Read(string.Join(' ', words[..^1])) is DossierCodeReading.Found withDigits)
            return (withDigits.Code, last);
        return (DossierCodeReader.Read(argument) is DossierCodeReading.Found found ? found.Code : null, null);
    }

    private void OnPress(string raw)
    {
        if (!ButtonPayload.TryParse(raw, out var payload))
        {
            Say(CitizenTexts.InvalidButton());
            return;
        }
        if (payload.Step != _snapshot.Step)
        {
            Say(CitizenTexts.StaleButton());
            return;
        }
        switch (payload.Action)
        {
            case ButtonAction.ConfirmFees when _machine.CanFire(Trigger.Confirm):
                if (CurrentRequest() is not null) _machine.Fire(Trigger.Confirm);
                break;
            case ButtonAction.ChooseBank when _machine.CanFire(Trigger.ChooseBank):
                ChooseBank(payload.Argument!);
                break;
            case ButtonAction.ChangeBank when _machine.CanFire(Trigger.ChangeBank):
                _machine.Fire(Trigger.ChangeBank);
                break;
            case ButtonAction.Cancel when _machine.CanFire(Trigger.Cancel):
                _machine.Fire(Trigger.Cancel);
                break;
            default:
                Say(CitizenTexts.InvalidButton());
                break;
        }
    }

    private void ChooseBank(string bankCode)
    {
        var bank = Context.Banks.FirstOrDefault(b => b.Code == bankCode);
        if (bank is null)
        {
            Say(CitizenTexts.InvalidButton());
            return;
        }
        if (CurrentRequest() is not { } dossier) return;
        var (payment, url) = Context.StartPayment(dossier, bank);
        _machine.Fire(_bankChosen, payment, url);
    }

    /// <summary>
    /// The dossier being paid, if its request is still the one the citizen saw. Otherwise says why and moves
    /// the conversation on: to the new fees if the request was amended, to idle if it was paid or withdrawn.
    /// </summary>
    private Dossier? CurrentRequest()
    {
        var dossier = Context.FindDossier(_snapshot.DossierCode!);
        if (dossier is { Status: DossierStatus.AwaitingPayment } && dossier.RequestVersion == _snapshot.RequestVersion)
            return dossier;

        switch (dossier?.Status)
        {
            case DossierStatus.AwaitingPayment:
                Say(CitizenTexts.FeesChanged());
                _machine.Fire(_dossierFound, dossier);
                break;
            case DossierStatus.Paid:
                ShowReceipt(dossier);
                _machine.Fire(Trigger.RequestClosed);
                break;
            default:
                Say(dossier is null ? CitizenTexts.NotFound(_snapshot.DossierCode!) : CitizenTexts.Withdrawn(dossier));
                _machine.Fire(Trigger.RequestClosed);
                break;
        }
        return null;
    }

    private void ShowFees(Dossier dossier)
    {
        _snapshot = _snapshot with { DossierCode = dossier.Code, RequestVersion = dossier.RequestVersion };
        Say(CitizenTexts.Fees(dossier, _snapshot.Step));
    }

    private void ShowBanks(string? lead)
    {
        var dossier = Context.FindDossier(_snapshot.DossierCode!);
        Say(CitizenTexts.ChooseBank(dossier?.Total() ?? 0, Context.Banks, _snapshot.Step, lead));
    }

    private void ShowPaymentLink(Payment payment, string url)
    {
        _snapshot = _snapshot with { PaymentId = payment.Id };
        Say(CitizenTexts.PaymentLink(payment, url, _snapshot.Step));
    }

    /// <summary>The receipt in full to the chat that paid, or to one that proves it is the applicant's; to others, only that it was paid.</summary>
    private void ShowReceipt(Dossier dossier, string? lastDigits = null)
    {
        var receipt = dossier.ReceiptId is null ? null : Context.FindReceipt(dossier.ReceiptId);
        if (receipt is null) return;
        var entitled = Context.IsPayerOf(receipt) || lastDigits is not null && Context.ProvesApplicant(dossier, lastDigits);
        Say(entitled ? CitizenTexts.Receipt(receipt, Context.ReceiptUrl(receipt), justPaid: false) : CitizenTexts.PaidElsewhere(receipt));
    }

    private void LeavePayment()
    {
        if (_snapshot.PaymentId is { } paymentId) Context.LeavePayment(paymentId);
        _snapshot = _snapshot with { PaymentId = null };
    }

    /// <summary>The look-up, or null (with the person told when to try again) if this chat has tried too many unknown codes.</summary>
    private DossierLookup? Allowed(DossierLookup lookup)
    {
        if (lookup.RefusedUntil is null) return lookup;
        Say(CitizenTexts.LookupRefused(lookup));
        return null;
    }

    private void Forget() => _snapshot = _snapshot with { DossierCode = null, RequestVersion = 0, PaymentId = null };

    private bool Awaits(Payment payment) => State == AwaitingPayment && _snapshot.PaymentId == payment.Id;

    private void Say(OutgoingMessage message) => _replies.Add(message);
}
