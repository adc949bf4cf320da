namespace ChatPay.Tests.Support;

/// <summary>
/// Finds a Chromium to drive, never downloading one: $CHROMIUM_PATH, Debian's or another distribution's package, or a
/// browser Playwright installed earlier in its own cache. Null where there is none.
/// </summary>
public static class ChromiumLocator
{
    public const string Variable = "CHROMIUM_PATH";

    public static string? Find() => Candidates().FirstOrDefault(File.Exists);

    /// <summary>Where it looked, for the reason a test gives when it cannot run.</summary>
    public static string Searched => string.Join(", ", Candidates().Take(5)) + ", ~/.cache/ms-playwright";

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured) yield return configured;
        yield return "/usr/bin/chromium";
        yield return "/usr/bin/chromium-browser";
        yield return "/usr/bin/google-chrome";
        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (!Directory.Exists(cache)) yield break;
        foreach (var install in Directory.EnumerateDirectories(cache, "chromium-*").Order(StringComparer.Ordinal).Reverse())
        foreach (var browser in new[] { "chrome-linux/chrome", "chrome-linux64/chrome", "chrome-mac/Chromium.app/Contents/MacOS/Chromium", "chrome-win/chrome.exe" })
            yield return Path.Combine(install, browser);
    }
}
