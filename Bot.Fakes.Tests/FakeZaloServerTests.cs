using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatPay.Fakes;
using ChatPay.Fakes.Zalo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace ChatPay.Fakes.Tests;

/// <summary>The fake Zalo answers plain HTTP calls as Zalo's OA API and OAuth server would, and the driver signs as Zalo does.</summary>
[Trait("Tier", "Integration")]
public class FakeZaloServerTests
{
    private const string MessagePath = "/v3.0/oa/message/cs";
    private const string TokenPath = "/v4/oa/access_token";
    private const string An = "6142494823";
    private const string AppId = "2553928453557884079";
    private const string AppSecret = "fake-app-secret-0123456789";
    private const string OaSecretKey = "fake-oa-secret-key-0123456789";

    private static readonly DateTimeOffset Start = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    // The send rate far away, for tests about something else.
    private static readonly FakeZaloOptions Unthrottled = new() { MessagesPerSecond = 1000, MessagesBurst = 1000 };

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "no recipient", """{"message":{"text":"Chào"}}""" },
        { "no user_id", """{"recipient":{},"message":{"text":"Chào"}}""" },
        { "a numeric user_id", """{"recipient":{"user_id":6142494823},"message":{"text":"Chào"}}""" },
        { "no message", """{"recipient":{"user_id":"6142494823"}}""" },
        { "no text", """{"recipient":{"user_id":"6142494823"},"message":{}}""" },
        { "an empty text", Body(An, "") },
        { "a text over 2000 characters", Body(An, new string('a', 2001)) },
        { "six buttons", Body(An, "Chọn", [.. Enumerable.Range(1, 6).Select(i => Query($"Nút {i}", $"#b{i}"))]) },
        { "an empty button title", Body(An, "Chọn", Query("", "#confirm")) },
        { "a button title over 100 characters", Body(An, "Chọn", Query(new string('t', 101), "#confirm")) },
        { "a query payload over 1000 characters", Body(An, "Chọn", Query("Xác nhận", "#" + new string('p', 1000))) },
        { "a query payload that is an object", Body(An, "Chọn", new JsonObject { ["title"] = "Xác nhận", ["type"] = "oa.query.hide", ["payload"] = new JsonObject() }) },
        { "an open.url without url", Body(An, "Chọn", new JsonObject { ["title"] = "Trả", ["type"] = "oa.open.url", ["payload"] = new JsonObject() }) },
        { "an open.url with a relative url", Body(An, "Chọn", OpenUrl("Trả", "/pay/1")) },
        { "an open.url with an ftp url", Body(An, "Chọn", OpenUrl("Trả", "ftp://pay.example/1")) },
        { "an unknown button type", Body(An, "Chọn", new JsonObject { ["title"] = "Gọi", ["type"] = "oa.open.phone", ["payload"] = "#x" }) },
        { "an attachment that is no template", """{"recipient":{"user_id":"6142494823"},"message":{"text":"Chào","attachment":{"type":"media","payload":{}}}}""" },
        { "malformed JSON", """{"recipient":{"user_id":"6142494823"},"message":{"text":""" },
    };

    [Fact]
    public async Task A_text_to_a_follower_is_accepted_with_a_new_message_id_and_recorded()
    {
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { Clock = new FakeTimeProvider(Start) });
        using var http = Http(fake);
        fake.Follow(An);

        var first = await SendAsync(fake, http, Body(An, "Xin chào"));
        var second = await SendAsync(fake, http, Body(An, "Lần hai"));

        Assert.Equal(0, first.GetProperty("error").GetInt32());
        Assert.Equal("Success", first.GetProperty("message").GetString());
        Assert.Equal(An, first.GetProperty("data").GetProperty("user_id").GetString());
        var ids = new[] { first, second }.Select(r => r.GetProperty("data").GetProperty("message_id").GetString()).ToList();
        Assert.NotEqual(ids[0], ids[1]);
        var sent = fake.Sent(An);
        Assert.Equal(["Xin chào", "Lần hai"], sent.Select(m => m.Text));
        Assert.Equal(ids, sent.Select(m => m.MessageId));
        Assert.All(sent, m => Assert.Equal(Start, m.At));
        Assert.All(sent, m => Assert.Empty(m.Buttons));
        Assert.Equal([(MessagePath, 0, 200, An), (MessagePath, 0, 200, An)], fake.Calls.Select(c => (c.Path, c.Error, c.HttpStatus, c.UserId)));
    }

    [Fact]
    public async Task Template_buttons_are_recorded_with_their_types_payloads_and_urls()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);

        var answer = await SendAsync(fake, http, Body(An, "Hóa đơn 120.000₫",
            Query("Xác nhận", "#confirm"), Query("Hủy", "#cancel", "oa.query.show"), OpenUrl("Thanh toán", "https://pay.example/p/1?x=1")));

        Assert.Equal(0, answer.GetProperty("error").GetInt32());
        var message = Assert.Single(fake.Sent(An));
        Assert.Equal("Hóa đơn 120.000₫", message.Text);
        Assert.Equal(
            [
                new ZaloButton("Xác nhận", "oa.query.hide", "#confirm", null),
                new ZaloButton("Hủy", "oa.query.show", "#cancel", null),
                new ZaloButton("Thanh toán", "oa.open.url", null, "https://pay.example/p/1?x=1"),
            ],
            message.Buttons);
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);
        var buttons = Enumerable.Range(1, 4).Select(i => Query(new string('t', 100), new string('p', 1000))).Append(OpenUrl("Trả", "http://pay.example"));

        var answer = await SendAsync(fake, http, Body(An, new string('a', 2000), [.. buttons]));

        Assert.Equal(0, answer.GetProperty("error").GetInt32());
        Assert.Equal(5, Assert.Single(fake.Sent(An)).Buttons.Count);
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_message_is_refused_with_minus_201_and_not_recorded(string breach, string body)
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);

        var answer = await SendAsync(fake, http, body);

        Assert.True(answer.GetProperty("error").GetInt32() == -201, $"{breach}: {answer}");
        Assert.StartsWith("Invalid parameter", answer.GetProperty("message").GetString());
        Assert.False(answer.TryGetProperty("data", out _));
        Assert.Empty(fake.Sent(An));
        Assert.Equal(-201, Assert.Single(fake.Calls).Error);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("unknown")]
    [InlineData("bearer")]
    public async Task A_missing_or_unknown_access_token_is_refused_with_minus_216(string how)
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagePath) { Content = Json(Body(An, "Chào")) };
        if (how == "unknown") request.Headers.Add("access_token", "access-forged");
        // The right token as a Bearer header is still no access_token header.
        if (how == "bearer") request.Headers.Authorization = new("Bearer", fake.CurrentAccessToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(-216, answer.GetProperty("error").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("message").GetString()));
        Assert.Empty(fake.Sent(An));
    }

    [Fact]
    public async Task An_expired_access_token_is_refused_with_minus_216_until_a_refresh()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);
        var expired = fake.CurrentAccessToken;

        fake.ExpireAccessToken();
        var refused = await SendAsync(http, expired, Body(An, "Chào"));
        await RefreshAsync(http, fake.CurrentRefreshToken);
        var accepted = await SendAsync(fake, http, Body(An, "Chào"));

        Assert.Equal(-216, refused.GetProperty("error").GetInt32());
        Assert.Equal(0, accepted.GetProperty("error").GetInt32());
        Assert.Single(fake.Sent(An));
    }

    [Fact]
    public async Task An_access_token_expires_25_hours_after_issue_on_the_fakes_clock()
    {
        var clock = new FakeTimeProvider(Start);
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { Clock = clock });
        using var http = Http(fake);
        fake.Follow(An);

        clock.Advance(TimeSpan.FromSeconds(89_999));
        var before = await SendAsync(fake, http, Body(An, "Còn hạn"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await SendAsync(fake, http, Body(An, "Hết hạn"));

        Assert.Equal(0, before.GetProperty("error").GetInt32());
        Assert.Equal(-216, after.GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task A_user_who_never_followed_or_unfollowed_is_refused_with_minus_213()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow("1000");
        fake.Unfollow("1000");
        // Writing to the OA opens a window but does not make a follower.
        fake.Interacted("2000");

        var unknown = await SendAsync(fake, http, Body(An, "Chào"));
        var unfollowed = await SendAsync(fake, http, Body("1000", "Chào"));
        var notFollowing = await SendAsync(fake, http, Body("2000", "Chào"));
        fake.Follow("1000");
        var followedAgain = await SendAsync(fake, http, Body("1000", "Chào lại"));

        Assert.Equal([-213, -213, -213, 0], new[] { unknown, unfollowed, notFollowing, followedAgain }.Select(a => a.GetProperty("error").GetInt32()));
        Assert.Equal(["Chào lại"], fake.Sent("1000").Select(m => m.Text));
        Assert.Equal([An, "1000", "2000", "1000"], fake.Calls.Select(c => c.UserId));
    }

    [Fact]
    public async Task Seven_days_after_the_last_interaction_sends_get_minus_230_until_the_user_interacts_again()
    {
        var clock = new FakeTimeProvider(Start);
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { Clock = clock });
        using var http = Http(fake);
        fake.Follow(An);

        clock.Advance(TimeSpan.FromDays(7));
        // The 25-hour token expired long ago, as it would have for a bot that slept a week.
        await RefreshAsync(http, fake.CurrentRefreshToken);
        var lastDay = await SendAsync(fake, http, Body(An, "Ngày cuối"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var tooLate = await SendAsync(fake, http, Body(An, "Quá hạn"));
        fake.Interacted(An);
        var afterReply = await SendAsync(fake, http, Body(An, "Sau khi trả lời"));

        Assert.Equal([0, -230, 0], new[] { lastDay, tooLate, afterReply }.Select(a => a.GetProperty("error").GetInt32()));
        Assert.False(string.IsNullOrEmpty(tooLate.GetProperty("message").GetString()));
        Assert.Equal(["Ngày cuối", "Sau khi trả lời"], fake.Sent(An).Select(m => m.Text));
    }

    [Fact]
    public async Task A_user_put_outside_the_window_gets_minus_230_until_they_interact_again()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);

        fake.PutOutsideWindow(An);
        var first = await SendAsync(fake, http, Body(An, "Một"));
        var second = await SendAsync(fake, http, Body(An, "Hai"));
        fake.Interacted(An);
        var third = await SendAsync(fake, http, Body(An, "Ba"));

        Assert.Equal([-230, -230, 0], new[] { first, second, third }.Select(a => a.GetProperty("error").GetInt32()));
        Assert.Equal(["Ba"], fake.Sent(An).Select(m => m.Text));
    }

    [Fact]
    public async Task A_refresh_rotates_both_tokens_and_the_spent_refresh_token_then_fails_with_minus_14014()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);
        var (oldAccess, oldRefresh) = (fake.CurrentAccessToken, fake.CurrentRefreshToken);

        var fresh = await RefreshAsync(http, oldRefresh);
        var oldAccessAnswer = await SendAsync(http, oldAccess, Body(An, "Cũ"));
        var newAccessAnswer = await SendAsync(http, fresh.GetProperty("access_token").GetString(), Body(An, "Mới"));
        var reused = await RefreshAsync(http, oldRefresh);

        Assert.Equal(JsonValueKind.String, fresh.GetProperty("expires_in").ValueKind);
        Assert.Equal("90000", fresh.GetProperty("expires_in").GetString());
        Assert.Equal(fake.CurrentAccessToken, fresh.GetProperty("access_token").GetString());
        Assert.Equal(fake.CurrentRefreshToken, fresh.GetProperty("refresh_token").GetString());
        Assert.NotEqual(oldAccess, fake.CurrentAccessToken);
        Assert.NotEqual(oldRefresh, fake.CurrentRefreshToken);
        Assert.Equal(-216, oldAccessAnswer.GetProperty("error").GetInt32());
        Assert.Equal(0, newAccessAnswer.GetProperty("error").GetInt32());
        Assert.Equal(-14014, reused.GetProperty("error").GetInt32());
        Assert.Equal("Invalid refresh token", reused.GetProperty("error_name").GetString());
        Assert.False(string.IsNullOrEmpty(reused.GetProperty("error_description").GetString()));
        Assert.Equal(1, fake.Refreshes);
        // The new refresh token is good for exactly one more refresh.
        Assert.True((await RefreshAsync(http, fake.CurrentRefreshToken)).TryGetProperty("access_token", out _));
        Assert.Equal(2, fake.Refreshes);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("no secret")]
    [InlineData("wrong app")]
    public async Task A_wrong_secret_key_or_app_id_is_refused_with_minus_14002_and_rotates_nothing(string how)
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);

        var answer = await RefreshAsync(http, fake.CurrentRefreshToken,
            secretKey: how switch { "wrong secret" => "not-the-secret", "no secret" => null, _ => AppSecret },
            appId: how == "wrong app" ? "1111111111111111111" : AppId);

        Assert.Equal(-14002, answer.GetProperty("error").GetInt32());
        Assert.Equal("Invalid app id or secret", answer.GetProperty("error_name").GetString());
        Assert.False(answer.TryGetProperty("access_token", out _));
        Assert.Equal(("access-0", "refresh-0", 0), (fake.CurrentAccessToken, fake.CurrentRefreshToken, fake.Refreshes));
    }

    [Theory]
    [InlineData("refresh_token")]
    [InlineData("app_id")]
    [InlineData("grant_type")]
    public async Task A_refresh_missing_a_field_is_refused_with_minus_14001(string missing)
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        var fields = new Dictionary<string, string> { ["refresh_token"] = "refresh-0", ["app_id"] = AppId, ["grant_type"] = "refresh_token" };
        fields.Remove(missing);

        var answer = await PostRefreshAsync(http, AppSecret, new FormUrlEncodedContent(fields));

        Assert.Equal(-14001, answer.GetProperty("error").GetInt32());
        Assert.Contains(missing, answer.GetProperty("error_description").GetString());
        Assert.Equal(0, fake.Refreshes);
    }

    [Fact]
    public async Task A_refresh_sent_as_json_instead_of_a_form_is_refused_with_minus_14001()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);

        var answer = await PostRefreshAsync(http, AppSecret,
            Json($$"""{"refresh_token":"refresh-0","app_id":"{{AppId}}","grant_type":"refresh_token"}"""));

        Assert.Equal(-14001, answer.GetProperty("error").GetInt32());
        Assert.Equal("refresh-0", fake.CurrentRefreshToken);
    }

    [Fact]
    public async Task Beyond_the_rate_sends_get_minus_32_and_a_refused_send_consumes_nothing()
    {
        // A token comes back every 2 s: far more than six local calls take even on a loaded machine (at 500 ms, a slow
        // burst once earned a fourth token before its last call).
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { MessagesPerSecond = 0.5, MessagesBurst = 3 });
        using var http = Http(fake);
        fake.Follow(An);

        var burst = new List<int>();
        for (var i = 0; i < 6; i++) burst.Add((await SendAsync(fake, http, Body(An, $"Tin {i}"))).GetProperty("error").GetInt32());
        // Had the three refusals taken tokens, the bucket would still be short after one token's time.
        await Task.Delay(TimeSpan.FromMilliseconds(2200));
        var afterPause = await SendAsync(fake, http, Body(An, "Sau khi chờ"));

        Assert.Equal([0, 0, 0, -32, -32, -32], burst);
        Assert.Equal(0, afterPause.GetProperty("error").GetInt32());
        Assert.Equal(["Tin 0", "Tin 1", "Tin 2", "Sau khi chờ"], fake.Sent(An).Select(m => m.Text));
        Assert.Equal(3, fake.Calls.Count(c => c.Error == -32));
    }

    [Fact]
    public async Task The_rate_limit_answers_zalos_body_with_http_200()
    {
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { MessagesPerSecond = 0.01, MessagesBurst = 1 });
        using var http = Http(fake);
        fake.Follow(An);
        await SendAsync(fake, http, Body(An, "Một"));

        var refused = await SendAsync(fake, http, Body(An, "Hai"));

        Assert.Equal("""{"error":-32,"message":"Request exceeded limit"}""", refused.GetRawText());
    }

    [Fact]
    public async Task Fail_next_with_a_zalo_error_answers_it_with_http_200_and_no_side_effect()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);

        fake.FailNext(MessagePath, count: 2, zaloError: -32);
        var first = await SendAsync(fake, http, Body(An, "Một"));
        var second = await SendAsync(fake, http, Body(An, "Hai"));
        var third = await SendAsync(fake, http, Body(An, "Ba"));

        Assert.Equal("""{"error":-32,"message":"Request exceeded limit"}""", first.GetRawText());
        Assert.Equal(-32, second.GetProperty("error").GetInt32());
        Assert.Equal(0, third.GetProperty("error").GetInt32());
        Assert.Equal(["Ba"], fake.Sent(An).Select(m => m.Text));
        Assert.Equal([(-32, 200), (-32, 200), (0, 200)], fake.Calls.Select(c => (c.Error, c.HttpStatus)));
    }

    [Fact]
    public async Task Fail_next_with_http_500_answers_an_empty_body_and_502_a_gateways_html_page()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);

        fake.FailNext(MessagePath, httpStatus: 500);
        fake.FailNext(MessagePath, httpStatus: 502);
        using var internalError = await http.SendAsync(SendRequest(fake.CurrentAccessToken, Body(An, "Một")));
        using var badGateway = await http.SendAsync(SendRequest(fake.CurrentAccessToken, Body(An, "Hai")));
        var healthy = await SendAsync(fake, http, Body(An, "Ba"));

        Assert.Equal(HttpStatusCode.InternalServerError, internalError.StatusCode);
        Assert.Equal("", await internalError.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadGateway, badGateway.StatusCode);
        Assert.Equal("text/html", badGateway.Content.Headers.ContentType?.MediaType);
        Assert.Contains("502 Bad Gateway", await badGateway.Content.ReadAsStringAsync());
        Assert.Equal(0, healthy.GetProperty("error").GetInt32());
        Assert.Equal(["Ba"], fake.Sent(An).Select(m => m.Text));
        Assert.Equal([(0, 500), (0, 502), (0, 200)], fake.Calls.Select(c => (c.Error, c.HttpStatus)));
    }

    [Fact]
    public async Task A_failed_refresh_spends_no_token()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);

        fake.FailNext(TokenPath, httpStatus: 503);
        fake.FailNext(TokenPath, zaloError: -14014);
        var unavailable = await PostRefreshAsync(http, AppSecret, Form("refresh-0"), expectedStatus: HttpStatusCode.ServiceUnavailable);
        var scheduled = await RefreshAsync(http, "refresh-0");
        var retried = await RefreshAsync(http, "refresh-0");

        Assert.Equal(JsonValueKind.Undefined, unavailable.ValueKind);
        Assert.Equal(-14014, scheduled.GetProperty("error").GetInt32());
        Assert.Equal("Invalid refresh token", scheduled.GetProperty("error_name").GetString());
        Assert.Equal(fake.CurrentAccessToken, retried.GetProperty("access_token").GetString());
        Assert.Equal(1, fake.Refreshes);
    }

    [Fact]
    public async Task Faults_for_a_path_the_fake_does_not_serve_or_without_a_failure_are_a_mistake()
    {
        await using var fake = await FakeZaloServer.StartAsync();

        Assert.Throws<ArgumentException>(() => fake.FailNext("/v3.0/oa/message", zaloError: -32));
        Assert.Throws<ArgumentException>(() => fake.FailNext(MessagePath));
        Assert.Throws<ArgumentException>(() => fake.DelayNext("/v2.0/oa/message", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Delay_next_answers_late_but_records_the_message_at_once()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);
        var delay = TimeSpan.FromMilliseconds(500);

        fake.DelayNext(MessagePath, delay);
        var started = Stopwatch.GetTimestamp();
        var answering = SendAsync(fake, http, Body(An, "Chậm"));
        var recorded = await fake.WaitForMessageAsync(An, m => m.Text == "Chậm");
        var answeredBeforeRecorded = answering.IsCompleted;
        var answer = await answering;

        Assert.False(answeredBeforeRecorded);
        Assert.True(Stopwatch.GetElapsedTime(started) >= delay - TimeSpan.FromMilliseconds(50), "timers may fire a few milliseconds early");
        Assert.Equal(recorded.MessageId, answer.GetProperty("data").GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task Wait_for_message_wakes_on_a_send_made_after_it_began()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);

        var waiting = fake.WaitForMessageAsync(An, m => m.Text.StartsWith("Mã"), TimeSpan.FromSeconds(5));
        await SendAsync(fake, http, Body(An, "Chào"));
        await SendAsync(fake, http, Body(An, "Mã 1234"));

        Assert.Equal("Mã 1234", (await waiting).Text);
    }

    [Fact]
    public async Task Wait_for_message_times_out_listing_what_the_user_got_and_the_refusals()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        using var http = Http(fake);
        fake.Follow(An);
        await SendAsync(fake, http, Body(An, "Xin chào", Query("Xác nhận", "#confirm")));
        fake.PutOutsideWindow(An);
        await SendAsync(fake, http, Body(An, "Không tới"));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => fake.WaitForMessageAsync(An, m => m.Text == "Không tới", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("\"Xin chào\" [Xác nhận → #confirm]", error.Message);
        Assert.Contains("-230", error.Message);
    }

    [Fact]
    public void Sign_gives_the_known_answer_for_fixed_inputs()
    {
        const string body = """{"app_id":"2553928453557884079","user_id_by_app":"979122185046046317","event_name":"user_send_text","sender":{"id":"6142494823"},"recipient":{"id":"3662729599332560487"},"message":{"msg_id":"cb31dff1c39642cc1b83","text":"Chào"},"timestamp":"1699003881354"}""";

        // python3: hashlib.sha256((app_id + body + ts + secret).encode()).hexdigest()
        Assert.Equal(
            "29e9293eb1209cd477e9682ce9a477866a2f474e3c24cad8ea454e3058e584dc",
            ZaloWebhookDriver.Sign(AppId, body, "1699003881354", OaSecretKey));
    }

    [Fact]
    public async Task A_user_text_is_posted_as_zalos_json_signed_over_exactly_the_bytes_sent()
    {
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { Clock = new FakeTimeProvider(Start) });
        await using var bot = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var driver = new ZaloWebhookDriver(http, bot.Url, fake);
        const string expectedBody = """{"app_id":"2553928453557884079","user_id_by_app":"12756260377535699","event_name":"user_send_text","sender":{"id":"6142494823"},"recipient":{"id":"3662729599332560487"},"message":{"msg_id":"cb31dff1c39642cc1b83","text":"Chào bạn"},"timestamp":"1795658400000"}""";

        using var response = await driver.SendTextAsync(An, "Chào bạn", "cb31dff1c39642cc1b83");
        var (body, signature, contentType) = await bot.NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetBytes(expectedBody), body);
        var expectedHex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AppId + expectedBody + "1795658400000" + OaSecretKey)));
        Assert.Equal("mac=" + expectedHex, signature);
        Assert.Equal("application/json", contentType);
        Assert.Equal("cb31dff1c39642cc1b83", driver.LastMsgId);
    }

    [Fact]
    public async Task A_user_text_makes_the_user_a_follower_inside_the_window_with_a_fresh_msg_id_each_time()
    {
        var clock = new FakeTimeProvider(Start);
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { Clock = clock });
        await using var bot = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        using var api = Http(fake);
        var driver = new ZaloWebhookDriver(http, bot.Url, fake);
        Assert.Equal("", driver.LastMsgId);
        fake.Follow(An);
        clock.Advance(TimeSpan.FromDays(8));
        await RefreshAsync(api, fake.CurrentRefreshToken);

        (await driver.SendTextAsync(An, "Một")).Dispose();
        var firstId = driver.LastMsgId;
        (await driver.SendTextAsync(An, "Hai")).Dispose();
        var answer = await SendAsync(fake, api, Body(An, "Trả lời"));

        var ids = new List<string?>();
        for (var i = 0; i < 2; i++) ids.Add(JsonDocument.Parse((await bot.NextAsync()).Body).RootElement.GetProperty("message").GetProperty("msg_id").GetString());
        Assert.Equal([firstId, driver.LastMsgId], ids);
        Assert.NotEqual(firstId, driver.LastMsgId);
        Assert.Matches("^[0-9a-f]{20}$", firstId);
        Assert.Equal(0, answer.GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task A_follow_is_posted_with_the_follower_and_a_valid_signature_and_marks_the_user_following()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        await using var bot = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        using var api = Http(fake);
        var driver = new ZaloWebhookDriver(http, bot.Url, fake);

        (await driver.FollowAsync(An)).Dispose();
        var (body, signature, _) = await bot.NextAsync();
        var answer = await SendAsync(fake, api, Body(An, "Cảm ơn đã quan tâm"));

        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("follow", root.GetProperty("event_name").GetString());
        Assert.Equal(An, root.GetProperty("follower").GetProperty("id").GetString());
        Assert.Equal("3662729599332560487", root.GetProperty("oa_id").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("timestamp").ValueKind);
        var signed = AppId + Encoding.UTF8.GetString(body) + root.GetProperty("timestamp").GetString() + OaSecretKey;
        Assert.Equal("mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signed))), signature);
        Assert.Equal(0, answer.GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task Post_sends_exactly_the_body_and_signature_header_given_or_none()
    {
        await using var fake = await FakeZaloServer.StartAsync();
        await using var bot = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var driver = new ZaloWebhookDriver(http, bot.Url, fake);

        (await driver.PostAsync("{\"forged\": true}", "mac=0000")).Dispose();
        (await driver.PostAsync("not json", null)).Dispose();
        var forged = await bot.NextAsync();
        var unsigned = await bot.NextAsync();

        Assert.Equal("{\"forged\": true}", Encoding.UTF8.GetString(forged.Body));
        Assert.Equal("mac=0000", forged.Signature);
        Assert.Equal("not json", Encoding.UTF8.GetString(unsigned.Body));
        Assert.Null(unsigned.Signature);
        Assert.Empty(fake.Calls);
    }

    private static HttpClient Http(FakeZaloServer fake) => new() { BaseAddress = new Uri(fake.BaseUrl) };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Body(string userId, string text, params JsonObject[] buttons)
    {
        var message = new JsonObject { ["text"] = text };
        if (buttons.Length > 0)
        {
            message["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject { ["buttons"] = new JsonArray([.. buttons]) },
            };
        }
        return new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = message }.ToJsonString();
    }

    private static JsonObject Query(string title, string payload, string type = "oa.query.hide") =>
        new() { ["title"] = title, ["type"] = type, ["payload"] = payload };

    private static JsonObject OpenUrl(string title, string url) =>
        new() { ["title"] = title, ["type"] = "oa.open.url", ["payload"] = new JsonObject { ["url"] = url } };

    private static HttpRequestMessage SendRequest(string? token, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MessagePath) { Content = Json(body) };
        if (token is not null) request.Headers.Add("access_token", token);
        return request;
    }

    private static Task<JsonElement> SendAsync(FakeZaloServer fake, HttpClient http, string body) => SendAsync(http, fake.CurrentAccessToken, body);

    private static async Task<JsonElement> SendAsync(HttpClient http, string? token, string body)
    {
        using var request = SendRequest(token, body);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static FormUrlEncodedContent Form(string refreshToken, string appId = AppId) => new(new Dictionary<string, string>
    {
        ["refresh_token"] = refreshToken,
        ["app_id"] = appId,
        ["grant_type"] = "refresh_token",
    });

    private static Task<JsonElement> RefreshAsync(HttpClient http, string refreshToken, string? secretKey = AppSecret, string appId = AppId) =>
        PostRefreshAsync(http, secretKey, Form(refreshToken, appId));

    /// <summary>The refresh's JSON answer; default when the answer is no JSON (an injected HTTP failure).</summary>
    private static async Task<JsonElement> PostRefreshAsync(HttpClient http, string? secretKey, HttpContent content, HttpStatusCode expectedStatus = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath) { Content = content };
        if (secretKey is not null) request.Headers.Add("secret_key", secretKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(expectedStatus, response.StatusCode);
        return response.Content.Headers.ContentType?.MediaType == "application/json" ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    /// <summary>Stands in for the bot's webhook: keeps each request's raw bytes, signature header and content type, answers 200.</summary>
    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(byte[] Body, string? Signature, string? ContentType)> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);

        private WebhookReceiver(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";

        public static async Task<WebhookReceiver> StartAsync()
        {
            var app = LoopbackApp.Create();
            var receiver = new WebhookReceiver(app);
            app.Run(receiver.ReceiveAsync);
            receiver.Url = await LoopbackApp.StartAsync(app) + "/zalo/webhook";
            return receiver;
        }

        public async Task<(byte[] Body, string? Signature, string? ContentType)> NextAsync()
        {
            if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(10))) throw new TimeoutException("No webhook post arrived.");
            _received.TryDequeue(out var received);
            return received;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            _arrived.Dispose();
        }

        private async Task ReceiveAsync(HttpContext context)
        {
            using var bytes = new MemoryStream();
            await context.Request.Body.CopyToAsync(bytes);
            string? signature = context.Request.Headers.TryGetValue("X-ZEvent-Signature", out var header) ? header.ToString() : null;
            var contentType = context.Request.ContentType is { } type ? System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type).MediaType : null;
            _received.Enqueue((bytes.ToArray(), signature, contentType));
            _arrived.Release();
        }
    }
}
