using System.Net;
using System.Net.Http.Headers;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;
using static ChatPay.Tests.Support.SlipPhotos;

namespace ChatPay.Tests.EndToEnd;

/// <summary>A photo of the appointment slip starts the payment in every channel, as if its code had been typed.</summary>
[Trait("Tier", "Integration")]
public sealed class SlipPhotoTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private static readonly byte[] Slip = Of(Code, Symbol.Qr, new Shot(Degrees: 12, Blur: 1));
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task<HttpResponseMessage> UploadAsync(ChatPayApp app, WebChatUser user, byte[] photo, string type = "image/jpeg")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/photos") { Content = new ByteArrayContent(photo) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        request.Headers.Add(WebChatIdentity.Header, user.Token);
        return await app.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_photo_chosen_in_the_web_chat_shows_the_fees_and_one_without_a_code_gets_a_hint()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var citizen = await WebChatUser.OpenAsync(app.Http);

        Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(app, citizen, WithoutCode())).StatusCode);
        await citizen.WaitForTextAsync(CitizenTexts.NoCodeInPhoto(PhotoProblem.None).Text.Split('\n')[0]);
        Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(app, citizen, Slip)).StatusCode);

        var fees = await citizen.WaitForTextAsync(Said.Fees);
        Assert.Contains(Code, fees.Text);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(app, citizen, Slip, "text/plain")).StatusCode);
        Assert.Contains(citizen.Seen, m => m.From == "user" && m.Text == ChatDesk.SentPhoto);
    }

    [Fact]
    public async Task A_photo_of_the_qr_code_of_a_one_tap_link_opens_that_link()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var token = app.Service<IChatPayStore>().Read(s => s.Dossiers.Find(Code)!.PayLinkToken);
        var citizen = await WebChatUser.OpenAsync(app.Http);

        await UploadAsync(app, citizen, Of($"{app.BaseUrl}/?ma={token}", Symbol.Qr, new Shot(Degrees: -20)));

        await citizen.WaitForTextAsync(Said.Fees);
    }

    [Fact]
    public async Task A_telegram_photo_is_fetched_with_get_file_and_read()
    {
        await using var harness = await TelegramHarness.StartAsync();

        harness.Telegram.SendPhoto(42, Of(Code, Symbol.Code128, new Shot(Degrees: 90)));

        await harness.WaitAsync(42, Said.Fees);
        Assert.Contains(harness.Telegram.Calls, c => c.Method == "getFile" && c.StatusCode == 200);

        // The same slip sent as a file (uncompressed) reads the same.
        harness.Telegram.SendDocument(43, Of(Code, Symbol.Qr, new Shot(Degrees: 30)), "image/jpeg", "phieu-tiep-nhan.jpg");
        await harness.WaitAsync(43, Said.Fees);
    }

    [Fact]
    public async Task A_zalo_picture_is_fetched_from_its_address_and_read()
    {
        await using var harness = await ZaloHarness.StartAsync();

        (await harness.Driver.SendImageAsync("6142494823", Slip)).EnsureSuccessStatusCode();

        await harness.WaitAsync("6142494823", Said.Fees);
    }
}
