using System.Security.Cryptography;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Staff;

namespace ChatPay.Bot.Demo;

/// <summary>
/// Enrollment codes for the demo agencies and support: made at random on first start, then kept. 26 symbols of a
/// 32-letter alphabet carry 130 bits, so a code cannot be guessed however many chats try.
/// </summary>
public sealed class DemoEnrollmentCodes(HostSettings settings)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // Each symbol of the 32-letter alphabet carries 5 bits.
    private const int Length = (EnrollmentCodes.MinGeneratedBits + 4) / 5;

    // "v2": codes made before codes were this long are not reused.
    public string ForAgency(string agencyCode) => settings.GetOrCreate($"demo.enrollment.v2.{agencyCode}", () => "DK-" + RandomCode());

    public string ForSupport() => settings.GetOrCreate("demo.enrollment.v2.support", () => "HT-" + RandomCode());

    private static string RandomCode() => RandomNumberGenerator.GetString(Alphabet, Length);
}
