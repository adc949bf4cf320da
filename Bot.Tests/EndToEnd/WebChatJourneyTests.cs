using System.Net;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>The whole product on its embedded defaults: web chat, sandbox VNPay, LiteDB, demo dossiers.</summary>
[Trait("Tier", "Integration")]
public class WebChatJourneyTests : IDisposable
{
    private const string Code = "H42.27-261124-0003";
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("chatpay.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_citizen_pays_a_demo_dossier_gets_the_receipt_and_the_officer_is_alerted_and_all_of_it_survives_a_restart()
    {
        string citizenToken, officerToken, receiptUrl;
        ChatPay.Bot.Channels.WebChat.WebChatEndpoints.MessageView fees;
        using (var app = new ChatPayApp(DatabasePath))
        {
            var agency = app.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.27");
            var officer = await WebChatUser.OpenAsync(app.Http);
            (await officer.SayAsync($"/dangky {agency.EnrollmentCode}")).EnsureSuccessStatusCode();
            await officer.WaitForTextAsync(Said.Enrolled);

            var citizen = await WebChatUser.OpenAsync(app.Http);
            await citizen.WaitForTextAsync(Said.Welcome);
            await citizen.SayAsync("mã hồ sơ của tôi: h42.27 261124 0003");
            fees = await citizen.WaitForTextAsync(Said.Total(600_000));
            Assert.Contains(PersonalData.MaskName("Trần Thị Bình"), fees.Text);
            await citizen.PressAsync("Xác nhận");
            await citizen.WaitForTextAsync(Said.ChooseBank);
            await citizen.PressAsync("Vietcombank");
            var link = (await citizen.WaitForAsync(m => m.Links.Count > 0)).Links.Single();
            Assert.Equal("Thanh toán 600.000 ₫", link.Label);

            var returnPage = await SandboxPayer.PayAsync(app.Http, link.Url);
            Assert.Contains(ReturnPages.PaidHeading, returnPage);

            var receipt = await citizen.WaitForTextAsync(Said.Paid);
            Assert.Contains(Vnd.Format(600_000), receipt.Text);
            receiptUrl = receipt.Links.Single(l => l.Label == "Xem biên lai").Url;
            var alert = await officer.WaitForTextAsync(Said.Alert(Code));
            Assert.Contains("Trần Thị Bình", alert.Text);

            var printable = await app.Http.GetStringAsync(receiptUrl);
            Assert.Contains("BIÊN LAI THU PHÍ, LỆ PHÍ", printable);
            Assert.Contains(AmountInWords.Spell(600_000), printable);
            Assert.Contains("Lệ phí cấp Giấy chứng nhận", printable);
            citizenToken = citizen.Token;
            officerToken = officer.Token;
        }

        using var restarted = new ChatPayApp(DatabasePath);
        var store = restarted.Service<IChatPayStore>();
        Assert.Equal(DossierStatus.Paid, store.Read(s => s.Dossiers.Find(Code))!.Status);
        var sameCitizen = WebChatUser.Resume(restarted.Http, citizenToken);
        await sameCitizen.WaitForTextAsync(Said.Paid);
        await WebChatUser.Resume(restarted.Http, officerToken).WaitForTextAsync(Said.Alert(Code));
        var receiptPath = new Uri(receiptUrl).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await restarted.Http.GetAsync(receiptPath)).StatusCode);

        var replayedConfirm = fees.Choices.Single(c => c.Label == "Xác nhận");
        (await sameCitizen.PostAsync(new { payload = replayedConfirm.Payload, messageId = fees.Id })).EnsureSuccessStatusCode();
        await sameCitizen.WaitForTextAsync(Said.Stale);
        await sameCitizen.SayAsync(Code);
        await sameCitizen.WaitForTextAsync(Said.PaidBefore(Code));
    }

    [Fact]
    public async Task A_declined_payment_is_explained_in_the_chat_and_can_be_retried()
    {
        using var app = new ChatPayApp(DatabasePath);
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var linkUrl = await citizen.RequestPaymentLinkAsync("H42.10-261125-0001", "BIDV");

        var returnPage = await SandboxPayer.PayAsync(app.Http, linkUrl, "Decline");

        Assert.Contains(VnPayCodes.Explain("51"), returnPage);
        // What went wrong looks it: the web chat shows it as a warning.
        Assert.True((await citizen.WaitForTextAsync(VnPayCodes.Explain("51"))).Warning);
        Assert.DoesNotContain(citizen.Seen, m => m.Warning && m.Text.Contains(Said.Fees));
        await citizen.PressAsync("Agribank");
        var retry = (await citizen.WaitForAsync(m => m.Links.Count > 0 && m.Text.Contains("Agribank"))).Links.Single();
        Assert.Contains(ReturnPages.PaidHeading, await SandboxPayer.PayAsync(app.Http, retry.Url));
        await citizen.WaitForTextAsync(Said.Paid);
    }

    [Fact]
    public async Task Wrong_and_malformed_codes_get_a_clear_answer()
    {
        using var app = new ChatPayApp(DatabasePath);
        var citizen = await WebChatUser.OpenAsync(app.Http);

        await citizen.SayAsync("H42.10-261125-9999");
        await citizen.WaitForTextAsync(CitizenTexts.NotFound("H42.10-261125-9999").Text);
        await citizen.SayAsync("H42.10-26112-0001");
        await citizen.WaitForTextAsync(CitizenTexts.Malformed().Text);
        await citizen.SayAsync("H42.27-261126-0009");
        await citizen.WaitForTextAsync(CitizenTexts.NoPaymentRequest(new Dossier("H42.27-261126-0009", "", "", "", "", null, default)).Text.Split('\n')[0]);
    }

    [Fact]
    public async Task The_web_chat_api_refuses_requests_without_a_valid_token_or_with_oversized_bodies()
    {
        using var app = new ChatPayApp(DatabasePath);

        Assert.Equal(HttpStatusCode.Unauthorized, await WebChatUser.Resume(app.Http, "").ReadStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await WebChatUser.Resume(app.Http, "short").ReadStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebChatUser.Resume(app.Http, "not/a/token/at/all/!!").SayAsync("hi")).StatusCode);

        var citizen = await WebChatUser.OpenAsync(app.Http);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await citizen.SayAsync(new string('x', 64 * 1024))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsync(new { })).StatusCode);
        using var malformed = new StringContent("{\"text\": [1,2", System.Text.Encoding.UTF8, "application/json");
        malformed.Headers.Add(ChatPay.Bot.Channels.WebChat.WebChatIdentity.Header, citizen.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Http.PostAsync("/webchat/api/messages", malformed)).StatusCode);
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_and_health_is_reported()
    {
        using var app = new ChatPayApp(DatabasePath);

        var page = await app.Http.GetStringAsync("/");
        Assert.Contains("<title>ChatPay", page);
        Assert.Contains("setTimeout", await app.Http.GetStringAsync("/webchat/app.js"));
        Assert.Contains(".bubble", await app.Http.GetStringAsync("/webchat/app.css"));
        Assert.StartsWith("""{"status":"Healthy",""", await app.Http.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Opening_a_payment_link_twice_or_after_paying_is_handled()
    {
        using var app = new ChatPayApp(DatabasePath);
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var linkUrl = await citizen.RequestPaymentLinkAsync("H42.14-261126-0007", "MB Bank");

        var first = await SandboxPayer.FollowLinkAsync(app.Http, linkUrl);
        var second = await SandboxPayer.FollowLinkAsync(app.Http, linkUrl);
        Assert.Equal(first.Query.Replace("vnp_SecureHash", ""), second.Query.Replace("vnp_SecureHash", ""));
        Assert.Contains("vnp_BankCode=MBBANK", first.Query);
        Assert.Contains("vnp_Amount=15000000", first.Query);

        await SandboxPayer.PayAsync(app.Http, linkUrl);
        var afterwards = await app.Http.GetStringAsync(linkUrl);
        Assert.Contains(PaymentLinkEndpoints.AlreadyPaidHeading, afterwards);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/pay/no-such-link")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/bien-lai/no-such-receipt")).StatusCode);
    }

    [Fact]
    public async Task The_sandbox_refuses_a_payment_url_that_is_tampered_or_expired()
    {
        using var app = new ChatPayApp(DatabasePath);
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var linkUrl = await citizen.RequestPaymentLinkAsync("H42.10-261125-0001");
        var gatewayUrl = (await SandboxPayer.FollowLinkAsync(app.Http, linkUrl)).ToString();

        var cheaper = await app.Http.GetAsync(gatewayUrl.Replace("vnp_Amount=20000000", "vnp_Amount=100"));
        Assert.Equal(HttpStatusCode.BadRequest, cheaper.StatusCode);
        Assert.Contains(SandboxBank.BadSignature, await cheaper.Content.ReadAsStringAsync());

        var merchant = app.Service<VnPayMerchant>();
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(gatewayUrl).Query)
            .ToDictionary(q => q.Key, q => q.Value.ToString());
        fields["vnp_ExpireDate"] = "20240101000000";
        var expired = await app.Http.GetAsync($"{merchant.PaymentUrl}?{VnPaySignature.SignedQuery(fields, merchant.HashSecret)}");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains(SandboxBank.Expired, await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_idle_conversation_is_closed_by_the_running_host()
    {
        using var app = new ChatPayApp(DatabasePath, new Dictionary<string, string?>
        {
            ["Conversations:IdleTimeout"] = "00:01:00",
            ["Conversations:SweepInterval"] = "00:00:00.050",
        });
        var citizen = await WebChatUser.OpenAsync(app.Http);
        await citizen.SayAsync("H42.10-261125-0001");
        await citizen.WaitForTextAsync(Said.Fees);
        var chat = ChatPay.Bot.Channels.WebChat.WebChatIdentity.ChatFor(citizen.Token);
        var store = app.Service<IChatPayStore>();

        // Move the stored deadline into the past, as if a minute had gone by; the host's own sweep must act on it.
        store.Write(s =>
        {
            var snapshot = s.Conversations.Find(chat)!;
            s.Conversations.Save(snapshot with { Deadline = DateTimeOffset.UtcNow.AddSeconds(-1) });
            return true;
        });

        await citizen.WaitForTextAsync(CitizenTexts.TimedOut().Text);
        Assert.Equal(ConversationState.Idle, store.Read(s => s.Conversations.Find(chat))!.State);
    }

    [Fact]
    public async Task A_stopping_bot_ends_its_long_polls_at_once()
    {
        using var app = new ChatPayApp(DatabasePath);
        var citizen = await WebChatUser.OpenAsync(app.Http);
        using var poll = new HttpRequestMessage(HttpMethod.Get, "/webchat/api/messages?after=1000000&wait=25");
        poll.Headers.Add(ChatPay.Bot.Channels.WebChat.WebChatIdentity.Header, citizen.Token);
        var waiting = app.Http.SendAsync(poll);
        await Eventually.HoldsAsync(() => app.Service<ChatPay.Bot.Storage.ChatSignal>().WaitedOn == 1);

        app.Service<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        // Well inside the poll's 25 seconds: the shutdown does not wait for it.
        var answer = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
