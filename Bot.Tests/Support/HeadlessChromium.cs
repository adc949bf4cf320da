using Microsoft.Playwright;

namespace ChatPay.Tests.Support;

/// <summary>
/// An installed Chromium, headless, the way every browser test drives it; the test is skipped with the reason where there
/// is none (never passed).
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var chromium = ChromiumLocator.Find();
        Skip.If(chromium is null, $"No Chromium found ({ChromiumLocator.Searched}): install one (apt-get install -y chromium) or set {ChromiumLocator.Variable}.");
        // An expectation waits for its condition up to 15 s, not Playwright's 5: the Bot's first answers after a start (its
        // code still being compiled) and Chromium share two cores with the rest of the suite, and took over 5 s under load.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Root in a container, and a machine without outside network: no sandbox, no background connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>A page in a context of its own (its own storage: its own web chat), at the given size.</summary>
    public async Task<IPage> NewPageAsync(int width, int height) =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "vi-VN" })).NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
