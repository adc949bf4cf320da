using ChatPay.Tests.Support;
using Microsoft.Playwright;

namespace ChatPay.Tests.EndToEnd;

/// <summary>
/// The embedded web chat in headless Chromium: a citizen pays as a person would. Where no Chromium is installed the test
/// is reported as skipped with the reason (never as passed); .ci/run installs Debian's and requires it to pass.
/// </summary>
[Trait("Tier", "System")]
public class WebChatBrowserTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [SkippableFact]
    public async Task A_citizen_types_a_code_confirms_chooses_a_bank_pays_and_sees_the_receipt_in_the_chat()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var chat = await chromium.NewPageAsync(420, 900);
        var context = chat.Context;

        await chat.GotoAsync(app.BaseUrl);
        await chat.GetByLabel("Tin nhắn").FillAsync("H42.10-261125-0001");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        // The fee lines as a small table, the total in bold.
        var total = chat.Locator(".message.bot").Last.Locator(".fees .total");
        await Assertions.Expect(total.Locator("td")).ToHaveTextAsync(["Tổng cộng", "200.000 ₫"]);
        Assert.Equal("700", await total.Locator("td").First.EvaluateAsync<string>("cell => getComputedStyle(cell).fontWeight"));
        await chat.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await chat.GetByRole(AriaRole.Button, new() { Name = "Vietcombank" }).ClickAsync();
        var bank = await context.RunAndWaitForPageAsync(() => chat.GetByRole(AriaRole.Link, new() { Name = "Thanh toán 200.000 ₫" }).ClickAsync());
        await bank.GetByRole(AriaRole.Button, new() { Name = "Thanh toán", Exact = true }).ClickAsync();
        await Assertions.Expect(bank.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Thanh toán thành công");

        var receipt = chat.Locator(".message.bot", new() { HasText = "Thanh toán thành công" });
        await Assertions.Expect(receipt).ToContainTextAsync("Số tiền: 200.000 ₫", new() { Timeout = 20_000 });
        await Assertions.Expect(receipt.GetByRole(AriaRole.Link, new() { Name = "Xem biên lai" })).ToBeVisibleAsync();
        // The person's own messages show what they chose, once: no "Đã chọn" beside them, and no button left to press.
        await Assertions.Expect(chat.Locator(".message.user .bubble")).ToHaveTextAsync(["H42.10-261125-0001", "Xác nhận", "Vietcombank"]);
        await Assertions.Expect(chat.GetByText("Đã chọn")).ToHaveCountAsync(0);
        await Assertions.Expect(chat.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" })).ToHaveCountAsync(0);

        // Reopened (a reload, or "back to the chat" from the bank's page): messages in the order they were written, edits in place.
        await chat.ReloadAsync();
        await Assertions.Expect(chat.Locator(".message.bot", new() { HasText = Said.Paid })).ToBeVisibleAsync();
        var ids = await chat.Locator(".message").EvaluateAllAsync<long[]>("items => items.map(item => Number(item.dataset.id))");
        Assert.Equal(ids.Order(), ids);
        // The person's own messages show what they chose, once: no "Đã chọn" beside them, and no button left to press.
        await Assertions.Expect(chat.Locator(".message.user .bubble")).ToHaveTextAsync(["H42.10-261125-0001", "Xác nhận", "Vietcombank"]);
        await Assertions.Expect(chat.GetByText("Đã chọn")).ToHaveCountAsync(0);
        await Assertions.Expect(chat.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" })).ToHaveCountAsync(0);
        Directory.CreateDirectory(ScreenshotFolder);
        await chat.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "webchat-receipt.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task An_officer_in_the_web_chat_sees_an_alert_in_the_tab_title_takes_the_dossier_and_keeps_the_chat_through_a_restart()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var databasePath = _directory.File("chatpay.db");
        var app = new ChatPayApp(databasePath);
        try
        {
            var officer = await chromium.NewPageAsync(390, 844);
            await officer.GotoAsync(app.BaseUrl);
            var code = app.Service<ChatPay.Domain.ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.10").EnrollmentCode;
            await officer.GetByLabel("Tin nhắn").FillAsync($"/dangky {code}");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
            await Assertions.Expect(officer.Locator(".message.bot").Last).ToContainTextAsync("Sở Tư pháp tỉnh Hà Tĩnh");
            await Assertions.Expect(officer.Locator(".message.user .bubble")).ToHaveTextAsync(["/dangky ••••••••"]);

            // The officer's tab goes to the background; a citizen pays; the tab's title says something came.
            var title = await officer.TitleAsync();
            await officer.EvaluateAsync("() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");
            var citizen = await WebChatUser.OpenAsync(app.Http);
            await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync("H42.10-261125-0001"));
            // At least the alert (a reply to the enrolment may still have been on its way when the tab was hidden).
            await Assertions.Expect(officer).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex($@"^\(\d+\) {System.Text.RegularExpressions.Regex.Escape(title)}$"), new() { Timeout = 20_000 });
            await officer.EvaluateAsync("() => { Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");
            await Assertions.Expect(officer).ToHaveTitleAsync(title);

            var alert = officer.Locator(".message.bot", new() { HasText = Said.Alert("H42.10-261125-0001") });
            await alert.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
            await Assertions.Expect(alert).ToContainTextAsync(Said.Claimed());

            // A restart mid-conversation: the page says it is reconnecting, then carries on where it was.
            app.Dispose();
            await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("kết nối lại", new() { Timeout = 15_000 });
            app = new ChatPayApp(databasePath, port: app.Port);
            await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToBeHiddenAsync(new() { Timeout = 15_000 });
            await officer.GetByLabel("Tin nhắn").FillAsync("/trogiup");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
            await Assertions.Expect(officer.Locator(".message.bot").Last).ToContainTextAsync(Said.Help);
            await Assertions.Expect(alert).ToContainTextAsync(Said.Claimed());
        }
        finally
        {
            app.Dispose();
        }
    }

    [SkippableFact]
    public async Task A_one_tap_link_opens_the_chat_on_the_dossiers_fees_on_a_phone_and_a_reload_does_not_open_it_again()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var token = app.Service<ChatPay.Domain.Storage.IChatPayStore>().Read(s => s.Dossiers.Find("H42.10-261125-0001")!.PayLinkToken);
        var chat = await chromium.NewPageAsync(390, 844);

        await chat.GotoAsync($"{app.BaseUrl}/?ma={token}");

        var fees = chat.Locator(".message.bot", new() { HasText = Said.Fees });
        await Assertions.Expect(fees.Locator(".fees .total td")).ToHaveTextAsync(["Tổng cộng", "200.000 ₫"]);
        await Assertions.Expect(fees.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" })).ToBeVisibleAsync();
        Assert.Equal($"{app.BaseUrl}/", chat.Url);
        Directory.CreateDirectory(ScreenshotFolder);
        await chat.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "webchat-link.png") });
        await chat.ReloadAsync();
        await Assertions.Expect(fees).ToBeVisibleAsync();
        await Assertions.Expect(chat.Locator(".message.bot", new() { HasText = Said.Fees })).ToHaveCountAsync(1);
        await chat.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Assertions.Expect(chat.GetByRole(AriaRole.Button, new() { Name = "Vietcombank" })).ToBeVisibleAsync();
    }

    /// <summary>Beside the test results, where CI keeps them; the README shows a copy.</summary>
    private static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestResults");
}
