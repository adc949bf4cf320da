using System.Security.Cryptography;
using ChatPay.Bot.Storage;

namespace ChatPay.Bot.Demo;

/// <summary>Enrollment codes for the demo agencies and support: made at random on first start, then kept.</summary>
public sealed class DemoEnrollmentCodes(HostSettings settings)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public string ForAgency(string agencyCode) => settings.GetOrCreate($"demo.enrollment.{agencyCode}", () => "DK-" + RandomCode());

    public string ForSupport() => settings.GetOrCreate("demo.enrollment.support", () => "HT-" + RandomCode());

    private static string RandomCode() => RandomNumberGenerator.GetString(Alphabet, 8);
}
