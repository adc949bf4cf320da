using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Channels.WebChat;

namespace ChatPay.Tests.Support;

/// <summary>A browser of the web chat, speaking the page's own JSON API.</summary>
public sealed class WebChatUser(HttpClient http)
{
    private static readonly TimeSpan PatienceForAReply = TimeSpan.FromSeconds(20);
    private readonly List<WebChatEndpoints.MessageView> _seen = [];
    private string _token = "";
    private long _lastSeq;
    private long _checkedSeq;

    /// <summary>Every message on screen, in the order it first appeared, each in its latest form.</summary>
    public IReadOnlyList<WebChatEndpoints.MessageView> Seen => _seen;

    public string Token => _token;

    /// <summary>A new browser; with <paramref name="link"/>, opened from a one-tap link (<c>/?ma=&lt;token&gt;</c>) as the page does.</summary>
    public static async Task<WebChatUser> OpenAsync(HttpClient http, string? link = null)
    {
        var user = new WebChatUser(http);
        var response = await http.PostAsync("/webchat/api/chats", link is null ? null : JsonContent.Create(new { link }));
        response.EnsureSuccessStatusCode();
        user._token = (await response.Content.ReadFromJsonAsync<WebChatEndpoints.NewChat>(JsonSerializerOptions.Web))!.Token;
        return user;
    }

    /// <summary>A new browser enrolled as staff with this code (an agency's officers', or support's).</summary>
    public static async Task<WebChatUser> EnrolAsync(HttpClient http, string code)
    {
        var staff = await OpenAsync(http);
        await staff.SayAsync($"/dangky {code}");
        await staff.WaitForTextAsync("Đã đăng ký");
        return staff;
    }

    /// <summary>The same browser coming back (a reload, or after the bot restarted), possibly to another host.</summary>
    public static WebChatUser Resume(HttpClient http, string token) => new(http) { _token = token };

    public Task<HttpResponseMessage> SayAsync(string text) => PostAsync(new { text });

    /// <summary>A one-tap link opened in this browser's existing chat.</summary>
    public Task<HttpResponseMessage> OpenLinkAsync(string link) => PostAsync(new { link });

    public async Task PressAsync(string label)
    {
        await ReadNewAsync(wait: 0);
        var message = _seen.LastOrDefault(m => m.Choices.Any(c => c.Label == label))
            ?? throw new InvalidOperationException($"No button '{label}' on screen.");
        (await PostAsync(new { payload = message.Choices.First(c => c.Label == label).Payload, messageId = message.Id })).EnsureSuccessStatusCode();
    }

    public async Task<HttpResponseMessage> PostAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/messages") { Content = JsonContent.Create(body) };
        request.Headers.Add(WebChatIdentity.Header, _token);
        return await http.SendAsync(request);
    }

    /// <summary>
    /// Waits, by long polling as the page does, for a bot message — new, or changed since the last wait — that
    /// satisfies the condition.
    /// </summary>
    public async Task<WebChatEndpoints.MessageView> WaitForAsync(Func<WebChatEndpoints.MessageView, bool> condition)
    {
        var deadline = DateTime.UtcNow + PatienceForAReply;
        while (DateTime.UtcNow < deadline)
        {
            var match = _seen.Where(m => m.Seq > _checkedSeq).OrderBy(m => m.Seq).FirstOrDefault(m => m.From == "bot" && condition(m));
            if (match is not null)
            {
                _checkedSeq = match.Seq;
                return match;
            }
            _checkedSeq = _lastSeq;
            await ReadNewAsync(wait: 2);
        }
        throw new TimeoutException("The bot did not send the expected message. It said: " + string.Join(" / ", _seen.Select(m => m.Text)));
    }

    public Task<WebChatEndpoints.MessageView> WaitForTextAsync(string fragment) => WaitForAsync(m => m.Text.Contains(fragment));

    /// <summary>Types the code, confirms the fees, picks the bank, and returns the payment link the bot sends.</summary>
    public async Task<string> RequestPaymentLinkAsync(string dossierCode, string bank = "Vietcombank")
    {
        await SayAsync(dossierCode);
        await WaitForTextAsync(Said.Fees);
        await PressAsync("Xác nhận");
        await WaitForTextAsync(Said.ChooseBank);
        await PressAsync(bank);
        return (await WaitForAsync(m => m.Links.Count > 0 && m.Text.Contains(bank))).Links.Single().Url;
    }

    public async Task<HttpStatusCode> ReadStatusAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/webchat/api/messages?after=0");
        request.Headers.Add(WebChatIdentity.Header, _token);
        return (await http.SendAsync(request)).StatusCode;
    }

    private async Task ReadNewAsync(int wait)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/webchat/api/messages?after={_lastSeq}&wait={wait}");
        request.Headers.Add(WebChatIdentity.Header, _token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var history = await response.Content.ReadFromJsonAsync<WebChatEndpoints.History>(JsonSerializerOptions.Web);
        foreach (var message in history!.Messages)
        {
            var index = _seen.FindIndex(m => m.Id == message.Id);
            if (index >= 0) _seen[index] = message;
            else _seen.Add(message);
            _lastSeq = Math.Max(_lastSeq, message.Seq);
        }
    }
}
