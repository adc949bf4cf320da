namespace ChatPay.Domain.Notices;

/// <summary>A chat whose person shared their own phone number to be told when one of their dossiers is to be paid.</summary>
public sealed class PhoneLink
{
    public string ChatKey { get; init; } = "";

    /// <summary>The number's keyed hash (<see cref="PhoneHash"/>); the number itself is never stored.</summary>
    public string PhoneHash { get; init; } = "";

    /// <summary>The last four digits, to show the person which number is linked.</summary>
    public string LastDigits { get; init; } = "";

    public DateTimeOffset LinkedAt { get; init; }
}
