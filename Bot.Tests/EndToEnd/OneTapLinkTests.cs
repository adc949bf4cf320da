using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Channels.Photos;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>Every payment request carries one-tap links: the web chat opens straight on its fees, and a link stops when the request changes.</summary>
[Trait("Tier", "Integration")]
public sealed class OneTapLinkTests : IDisposable
{
    private const string Code = "H42.10-261126-0042";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp Start(IReadOnlyDictionary<string, string?>? more = null) =>
        new(_directory.File("chatpay.db"), PortalClient.Settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Concat(more ?? new Dictionary<string, string?>()).ToDictionary());

    private static Task<(HttpStatusCode Status, JsonElement View)> SubmitAsync(ChatPayApp app, long amount = 200_000) => new PortalClient(app.Http).RequestAsync(Code, amount);

    private static Task<HttpResponseMessage> GetAsync(ChatPayApp app, string path) => new PortalClient(app.Http).SendAsync(HttpMethod.Get, path);

    private static string TokenOf(JsonElement view) => PortalClient.TokenOf(view);

    [Fact]
    public async Task A_request_answers_with_its_links_and_the_dossier_shows_them_too()
    {
        using var app = Start();

        var (status, view) = await SubmitAsync(app);
        using var shown = await GetAsync(app, $"/api/v1/dossiers/{Code}");
        var links = (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(view.GetProperty("links").ToString(), links.ToString());
        Assert.Matches($"^{app.BaseUrl}/\\?ma=[A-Za-z0-9_-]{{1,64}}$", links.GetProperty("web").GetString());
        // Telegram is off here: no link for it.
        Assert.Equal(JsonValueKind.Null, links.GetProperty("telegram").ValueKind);
        Assert.Equal($"{app.BaseUrl}/api/v1/payment-requests/{Code}/qr", links.GetProperty("qr").GetString());
        var (againStatus, again) = await SubmitAsync(app);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(TokenOf(view), TokenOf(again));
    }

    [Fact]
    public async Task The_qr_code_is_a_png_of_the_web_link_for_an_open_request_only()
    {
        using var app = Start();
        var (_, view) = await SubmitAsync(app);

        using var qr = await GetAsync(app, $"/api/v1/payment-requests/{Code}/qr");

        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(view.GetProperty("links").GetProperty("web").GetString(), CodeInImage.Read(await qr.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(app, "/api/v1/payment-requests/H42.10-261126-9999/qr")).StatusCode);
        await new PortalClient(app.Http).SendAsync(HttpMethod.Delete, $"/api/v1/payment-requests/{Code}");
        Assert.Equal(HttpStatusCode.Conflict, (await GetAsync(app, $"/api/v1/payment-requests/{Code}/qr")).StatusCode);
    }

    [Fact]
    public async Task The_web_link_opens_a_new_chat_on_the_dossiers_fees_with_nothing_typed_and_the_token_kept_out_of_the_history()
    {
        using var app = Start();
        var (_, view) = await SubmitAsync(app);

        var citizen = await WebChatUser.OpenAsync(app.Http, TokenOf(view));

        var fees = await citizen.WaitForTextAsync(Said.Total(200_000));
        Assert.Contains(fees.Choices, c => c.Label == "Xác nhận");
        Assert.DoesNotContain(citizen.Seen, m => m.Text.Contains(TokenOf(view)));
        await citizen.PressAsync("Xác nhận");
        await citizen.WaitForTextAsync(Said.ChooseBank);
    }

    [Fact]
    public async Task An_amended_request_gets_a_new_link_and_the_old_one_says_why_it_stopped()
    {
        using var app = Start();
        var (_, first) = await SubmitAsync(app);
        var (_, amended) = await SubmitAsync(app, amount: 250_000);

        Assert.NotEqual(TokenOf(first), TokenOf(amended));
        var citizen = await WebChatUser.OpenAsync(app.Http, TokenOf(first));
        await citizen.WaitForTextAsync(Said.LinkReplaced(Code));
        await citizen.OpenLinkAsync(TokenOf(amended));
        await citizen.WaitForTextAsync(Said.Total(250_000));
    }

    [Fact]
    public async Task A_withdrawn_or_paid_request_link_says_so_and_a_guessed_one_is_refused_after_a_few_tries()
    {
        using var app = Start();
        var (_, view) = await SubmitAsync(app);
        var payer = await WebChatUser.OpenAsync(app.Http, TokenOf(view));
        await payer.WaitForTextAsync(Said.Total(200_000));
        await SandboxPayer.PayAsync(app.Http, await payer.RequestPaymentLinkAsync(Code));
        await payer.WaitForTextAsync(Said.Paid);

        var later = await WebChatUser.OpenAsync(app.Http, TokenOf(view));
        await later.WaitForTextAsync(Said.PaidElsewhere);
        var guesser = await WebChatUser.OpenAsync(app.Http);
        for (var i = 0; i < 5; i++)
        {
            await guesser.OpenLinkAsync($"guess{i}AAAAAAAAAAAAAAAAAAA");
            await guesser.WaitForTextAsync(Said.UnknownLink);
        }
        await guesser.OpenLinkAsync(TokenOf(view));
        await guesser.WaitForTextAsync(Said.WrongCodesRefused);
        Assert.Equal(1, SucceededAttempts(app));
    }

    [Fact]
    public async Task An_open_request_stored_before_links_existed_gets_one_at_the_next_start()
    {
        var database = _directory.File("chatpay.db");
        using (var app = Start(ChatPayApp.OnLiteDb)) await SubmitAsync(app);
        using (var raw = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = database, Connection = LiteDB.ConnectionType.Direct }))
        {
            var dossiers = raw.GetCollection("dossiers");
            var stored = dossiers.FindById(Code);
            stored.Remove("PayLinkToken");
            dossiers.Update(stored);
            raw.GetCollection("settings").Delete(Bot.Api.EarlierRequests.Marker);
        }

        using var upgraded = Start(ChatPayApp.OnLiteDb);

        var links = (await new PortalClient(upgraded.Http).DossierAsync(Code)).GetProperty("links");
        var citizen = await WebChatUser.OpenAsync(upgraded.Http, links.GetProperty("web").GetString()!.Split("?ma=")[1]);
        await citizen.WaitForTextAsync(Said.Total(200_000));
    }

    private static int SucceededAttempts(ChatPayApp app) => app.Service<IChatPayStore>().Read(s => s.Payments.OfDossier(Code).Count(p => p.State == PaymentState.Succeeded));
}
