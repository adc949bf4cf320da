using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ChatPay.Tests.Support;
using Microsoft.Playwright;

namespace ChatPay.Tests.EndToEnd;

/// <summary>
/// WCAG 2.1 AA in headless Chromium (axe-core): every page a citizen meets — the chat, the sandbox bank, the return page,
/// the receipt and its verification page — at a phone's size and a desktop's, with zero violations.
/// </summary>
[Trait("Tier", "System")]
public class AccessibilityTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [SkippableTheory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task Every_page_of_a_payment_passes_axe_core_at_wcag_2_1_aa(int width, int height)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var chat = await chromium.NewPageAsync(width, height);
        var context = chat.Context;
        var violations = new List<string>();

        await chat.GotoAsync(app.BaseUrl);
        await chat.GetByLabel("Tin nhắn").FillAsync("H42.10-261125-0001");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await chat.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Assertions.Expect(chat.GetByRole(AriaRole.Button, new() { Name = "Vietcombank" })).ToBeVisibleAsync();
        await CheckAsync(chat, "chat", violations);
        await chat.GetByRole(AriaRole.Button, new() { Name = "Vietcombank" }).ClickAsync();
        var bank = await context.RunAndWaitForPageAsync(() => chat.GetByRole(AriaRole.Link, new() { Name = "Thanh toán 200.000 ₫" }).ClickAsync());
        await CheckAsync(bank, "sandbox bank", violations);
        await bank.GetByRole(AriaRole.Button, new() { Name = "Thanh toán", Exact = true }).ClickAsync();
        await Assertions.Expect(bank.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thanh toán thành công");
        await CheckAsync(bank, "return", violations);

        var receiptLink = chat.Locator(".message.bot", new() { HasText = Said.Paid }).GetByRole(AriaRole.Link, new() { Name = "Xem biên lai" });
        await Assertions.Expect(receiptLink).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await CheckAsync(chat, "chat with the receipt", violations);
        var receipt = await context.RunAndWaitForPageAsync(() => receiptLink.ClickAsync());
        await CheckAsync(receipt, "receipt", violations);
        await ShootAsync(receipt, $"receipt-{width}.png");
        await receipt.GetByRole(AriaRole.Link, new() { Name = "/tra-cuu-bien-lai", Exact = false }).ClickAsync();
        await Assertions.Expect(receipt.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Biên lai hợp lệ");
        await CheckAsync(receipt, "verification", violations);
        await ShootAsync(receipt, $"verification-{width}.png");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Beside the test results, where CI keeps them; the README shows copies.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestResults");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }

    private static async Task CheckAsync(IPage page, string name, List<string> violations)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        violations.AddRange(result.Violations.Select(v =>
            $"{name}: {v.Id} ({v.Impact}) {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}"));
    }
}
