namespace ChatPay.Domain.Chats;

/// <summary>What a command does; the dispatcher maps each to its handler.</summary>
public enum CommandAction
{
    Start,
    Cancel,
    Receipt,
    Report,
    Help,
    LinkPhone,
    UnlinkPhone,
    Lookup,
    Enroll,
    Roster,
    Unenroll,
    Reconcile,
}
