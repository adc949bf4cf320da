using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Fakes;
using ChatPay.Fakes.Telegram;
using ChatPay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatPay.Fakes.Tests;

/// <summary>The fake Telegram answers the real Telegram.Bot client as Telegram would.</summary>
[Trait("Tier", "Integration")]
public class FakeTelegramServerTests
{
    private const long An = 42;

    private const string NotModified =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private const string QueryInvalid = "Bad Request: query is too old and response timeout expired or query ID is invalid";

    // Flood limits far away, for tests about something else.
    private static readonly FakeTelegramOptions Unthrottled = new()
    {
        PerChatPerSecond = 1000, PerChatBurst = 1000, PerGroupPerMinute = 100_000, GlobalPerSecond = 1000, GlobalBurst = 1000,
    };

    [Fact]
    public async Task Get_me_answers_the_bot_user_the_client_reads()
    {
        await using var fake = await FakeTelegramServer.StartAsync();

        var me = await Client(fake).GetMe();

        Assert.True(me.IsBot);
        Assert.Equal(123456, me.Id);
        Assert.Equal("ChatPayTestBot", me.Username);
        Assert.True(me.CanJoinGroups);
        Assert.False(me.CanReadAllGroupMessages);
    }

    [Fact]
    public async Task A_contact_button_shows_until_removed_and_sharing_sends_the_users_own_number()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        var client = Client(fake);
        fake.SendText(An, "/start");
        Assert.Throws<InvalidOperationException>(() => fake.SharePhone(An, "84912345678"));

        await client.SendMessage(An, "Chia sẻ?", replyMarkup: new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact("Chia sẻ số điện thoại")));
        Assert.Equal("Chia sẻ số điện thoại", fake.ContactButton(An));
        await client.SendMessage(An, "Trong khi đó", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("OK", "ok")));
        Assert.Equal("Chia sẻ số điện thoại", fake.ContactButton(An));
        fake.SharePhone(An, "84912345678");
        var updates = await client.GetUpdates();
        await client.SendMessage(An, "Xong", replyMarkup: new ReplyKeyboardRemove());

        var contact = updates.Last().Message!.Contact!;
        Assert.Equal("84912345678", contact.PhoneNumber);
        Assert.Equal(An, contact.UserId);
        Assert.Null(fake.ContactButton(An));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_401_unauthorized()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("999:not-the-token", baseUrl: fake.BaseUrl));

        var error = await Refused(() => stranger.GetMe());

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
    }

    [Fact]
    public async Task An_unknown_method_is_answered_404_not_found_with_the_status_equal_to_the_error_code()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(MethodUrl(fake, "sendTelepathy"), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal(404, body.GetProperty("error_code").GetInt32());
        Assert.Equal("Not Found", body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Parameters_are_read_from_a_form_and_a_query_string_as_well_as_json()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        using var http = new HttpClient();

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42",
            ["text"] = "<b>Xin chào</b> bạn",
            ["parse_mode"] = "HTML",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Trả phí","callback_data":"pay:1"}]]}""",
        });
        using var byForm = await http.PostAsync(MethodUrl(fake, "sendMessage"), form);
        using var byQuery = await http.GetAsync(MethodUrl(fake, "sendMessage") + "?chat_id=42&text=" + Uri.EscapeDataString("Lần hai"));
        using var getMe = await http.GetAsync(MethodUrl(fake, "getMe"));

        Assert.Equal(HttpStatusCode.OK, byForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, getMe.StatusCode);
        Assert.Equal(["Xin chào bạn", "Lần hai"], fake.Messages(An).Select(m => m.Text));
        Assert.Equal(new FakeButton("Trả phí", "pay:1", null), fake.Messages(An)[0].Keyboard[0][0]);
    }

    [Fact]
    public async Task Errors_carry_their_code_as_http_status_and_a_429_carries_retry_after()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        using var http = new HttpClient();

        using var unknownChat = await http.GetAsync(MethodUrl(fake, "sendMessage") + "?chat_id=77&text=x");
        fake.FailNext("sendMessage", 429, retryAfter: 5);
        using var flooded = await http.GetAsync(MethodUrl(fake, "sendMessage") + "?chat_id=42&text=x");

        Assert.Equal(HttpStatusCode.BadRequest, unknownChat.StatusCode);
        var refused = await unknownChat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bad Request: chat not found", refused.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        var tooMany = await flooded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, tooMany.GetProperty("error_code").GetInt32());
        Assert.Equal("Too Many Requests: retry after 5", tooMany.GetProperty("description").GetString());
        Assert.Equal(5, tooMany.GetProperty("parameters").GetProperty("retry_after").GetInt32());
    }

    [Fact]
    public async Task A_sent_message_comes_back_in_telegram_shape_and_is_recorded_as_sent()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        var keyboard = Keyboard(
            InlineKeyboardButton.WithCallbackData("Thanh toán", "pay:H01"),
            InlineKeyboardButton.WithUrl("Hướng dẫn", "https://chatpay.local/huong-dan"));

        var sent = await Client(fake).SendMessage(An, "Phí <b>10.000 ₫</b> &amp; <a href=\"https://x.vn/?a=1&amp;b=2\">biên lai</a>",
            parseMode: ParseMode.Html, replyMarkup: keyboard);

        Assert.Equal(2, sent.MessageId); // the user's /start was message 1 of the chat
        Assert.Equal(An, sent.Chat.Id);
        Assert.Equal(ChatType.Private, sent.Chat.Type);
        Assert.True(sent.From!.IsBot);
        Assert.InRange(sent.Date, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("Phí 10.000 ₫ & biên lai", sent.Text);
        Assert.Collection(sent.Entities!,
            bold => Assert.Equal((MessageEntityType.Bold, 4, 8), (bold.Type, bold.Offset, bold.Length)),
            link => Assert.Equal((MessageEntityType.TextLink, 15, 8, "https://x.vn/?a=1&b=2"), (link.Type, link.Offset, link.Length, link.Url)));
        Assert.Equal("pay:H01", sent.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);
        var recorded = Assert.Single(fake.Messages(An));
        Assert.Equal(sent.MessageId, recorded.MessageId);
        Assert.Equal("Phí <b>10.000 ₫</b> &amp; <a href=\"https://x.vn/?a=1&amp;b=2\">biên lai</a>", recorded.Html);
        Assert.Equal("Phí 10.000 ₫ & biên lai", recorded.Text);
        Assert.Equal([new FakeButton("Thanh toán", "pay:H01", null), new FakeButton("Hướng dẫn", null, "https://chatpay.local/huong-dan")], recorded.Keyboard[0]);
        Assert.Equal(0, recorded.Edits);
    }

    [Fact]
    public async Task Texts_and_presses_of_users_arrive_as_updates_the_client_reads()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = Client(fake);
        fake.SendText(An, "/start@ChatPayTestBot", fromFirstName: "An");
        fake.SendText(-100, "Chào cả nhóm", fromUserId: 7, chatType: "group");
        var sent = await bot.SendMessage(An, "Chọn", replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Có", "yes")));
        fake.Press(An, sent.MessageId, "yes", fromFirstName: "An");

        var updates = await bot.GetUpdates();

        Assert.Equal(3, updates.Length);
        var start = updates[0].Message!;
        Assert.Equal("/start@ChatPayTestBot", start.Text);
        Assert.Equal((An, "An", false), (start.From!.Id, start.From.FirstName, start.From.IsBot));
        Assert.Equal((MessageEntityType.BotCommand, 0, 21), (start.Entities![0].Type, start.Entities[0].Offset, start.Entities[0].Length));
        var inGroup = updates[1].Message!;
        Assert.Equal((-100L, ChatType.Group, 7L), (inGroup.Chat.Id, inGroup.Chat.Type, inGroup.From!.Id));
        var press = updates[2].CallbackQuery!;
        Assert.Equal(fake.CallbackQueryIds.Single(), press.Id);
        Assert.Equal("yes", press.Data);
        Assert.Equal((sent.MessageId, "Chọn"), (press.Message!.MessageId, press.Message.Text));
        Assert.Equal(An, press.From.Id);
    }

    [Fact]
    public async Task Get_updates_confirms_the_updates_below_its_offset_and_returns_those_from_it()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = Client(fake);
        fake.SendText(An, "một");
        var second = (int)fake.SendText(An, "hai");
        var third = (int)fake.SendText(An, "ba");

        Assert.Equal(3, (await bot.GetUpdates()).Length);
        Assert.Equal(3, fake.PendingUpdates);
        Assert.Equal([second, third], (await bot.GetUpdates(offset: second)).Select(u => u.Id));
        Assert.Equal(2, fake.PendingUpdates);
        Assert.Equal(second, (await bot.GetUpdates(offset: second, limit: 1)).Single().Id);
        Assert.Empty(await bot.GetUpdates(offset: third + 1));
        Assert.Equal(0, fake.PendingUpdates);
    }

    [Fact]
    public async Task A_long_poll_answers_empty_when_its_timeout_runs_out()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var watch = Stopwatch.StartNew();

        var updates = await Client(fake).GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_long_poll_answers_as_soon_as_an_update_arrives()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var poll = Client(fake).GetUpdates(timeout: 30);
        await Eventually.HoldsAsync(() => fake.LongPollWaiting);

        fake.SendText(An, "Có ai không?");

        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("Có ai không?", updates.Single().Message!.Text);
    }

    [Fact]
    public async Task Of_two_overlapping_long_polls_the_earlier_ends_with_409_conflict()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = Client(fake);
        var earlier = bot.GetUpdates(timeout: 30);
        await Eventually.HoldsAsync(() => fake.LongPollWaiting);

        var later = bot.GetUpdates(timeout: 1);

        var error = await Refused(() => earlier.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(409, error.ErrorCode);
        Assert.Equal("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", error.Message);
        Assert.Empty(await later);
    }

    [Fact]
    public async Task Get_updates_while_a_webhook_is_set_is_refused_with_409_conflict()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = Client(fake);
        await bot.SetWebhook("http://127.0.0.1:9/hook");

        var error = await Refused(() => bot.GetUpdates());

        Assert.Equal(409, error.ErrorCode);
        Assert.Equal("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", error.Message);
        await bot.DeleteWebhook();
        Assert.Null(fake.WebhookUrl);
        Assert.Empty(await bot.GetUpdates());
    }

    [Fact]
    public async Task The_webhook_gets_each_update_in_order_with_the_secret_header_retried_until_it_answers_2xx()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(refuseFirst: 2);
        var bot = Client(fake);
        await bot.SetWebhook(receiver.Url, secretToken: "s3cret_-Token");
        Assert.Equal((receiver.Url, "s3cret_-Token"), (fake.WebhookUrl, fake.WebhookSecret));
        Assert.Equal(receiver.Url, (await bot.GetWebhookInfo()).Url);

        fake.SendText(An, "Xin chào");
        fake.SendText(An, "/tracuu H01.123");
        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();

        Assert.Equal("s3cret_-Token", first.Secret);
        Assert.Equal("Xin chào", JsonSerializer.Deserialize<Update>(first.Body, JsonBotAPI.Options)!.Message!.Text);
        Assert.Equal("/tracuu H01.123", JsonSerializer.Deserialize<Update>(second.Body, JsonBotAPI.Options)!.Message!.Text);
        Assert.Equal(4, receiver.Attempts); // two refusals of the first, then one delivery each
        await Eventually.HoldsAsync(() => fake.PendingUpdates == 0);

        await bot.SetWebhook(receiver.Url);
        fake.SendText(An, "không bí mật");
        Assert.Null((await receiver.NextAsync()).Secret);
    }

    [Theory]
    [InlineData("123456:TEST-fake-token")]
    [InlineData("có dấu")]
    public async Task Set_webhook_with_a_secret_outside_letters_digits_underscore_and_dash_is_refused(string secret)
    {
        await using var fake = await FakeTelegramServer.StartAsync();

        var error = await Refused(() => Client(fake).SetWebhook("http://127.0.0.1:9/hook", secretToken: secret));

        Assert.Equal((400, "Bad Request: secret token contains unallowed characters"), (error.ErrorCode, error.Message));
        Assert.Null(fake.WebhookUrl);
    }

    [Fact]
    public async Task A_secret_longer_than_256_characters_is_refused()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = Client(fake);

        await bot.SetWebhook("http://127.0.0.1:9/hook", secretToken: new string('a', 256));
        var error = await Refused(() => bot.SetWebhook("http://127.0.0.1:9/hook", secretToken: new string('a', 257)));

        Assert.Equal(400, error.ErrorCode);
    }

    [Fact]
    public async Task Drop_pending_updates_forgets_what_was_queued()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = Client(fake);
        fake.SendText(An, "cũ");

        await bot.DeleteWebhook(dropPendingUpdates: true);
        Assert.Equal(0, fake.PendingUpdates);
        fake.SendText(An, "cũ nữa");
        await bot.SetWebhook("http://127.0.0.1:9/hook", dropPendingUpdates: true);
        Assert.Equal(0, fake.PendingUpdates);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("  \n ", false)]
    [InlineData("<b> </b>", true)]
    public async Task A_message_with_no_visible_text_is_refused_as_empty(string text, bool html)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");

        var error = await Refused(() => Client(fake).SendMessage(An, text, parseMode: html ? ParseMode.Html : ParseMode.None));

        Assert.Equal((400, "Bad Request: message text is empty"), (error.ErrorCode, error.Message));
        Assert.Empty(fake.Messages(An));
    }

    [Fact]
    public async Task Length_is_counted_on_the_visible_text_so_4096_characters_pass_and_4097_are_too_long()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        var bot = Client(fake);

        await bot.SendMessage(An, "<b>" + new string('a', 4096) + "</b>", parseMode: ParseMode.Html);
        await bot.SendMessage(An, string.Concat(Enumerable.Repeat("&amp;", 4096)), parseMode: ParseMode.Html);
        var error = await Refused(() => bot.SendMessage(An, new string('ô', 4097)));

        Assert.Equal((400, "Bad Request: message is too long"), (error.ErrorCode, error.Message));
        Assert.Equal(2, fake.Messages(An).Count);
    }

    [Theory]
    [InlineData("<b>chưa đóng")]
    [InlineData("<b><i>lồng sai</b></i>")]
    [InlineData("đóng thừa</b>")]
    [InlineData("a < b")]
    [InlineData("a > b")]
    [InlineData("Tom & Jerry")]
    [InlineData("&nbsp;cách")]
    [InlineData("dòng<br>mới")]
    [InlineData("dòng<br/>mới")]
    [InlineData("<div>khối</div>")]
    [InlineData("<span>không phải spoiler</span>")]
    [InlineData("<tg-emoji>thiếu id</tg-emoji>")]
    [InlineData("<a href=\"https://x.vn\">chưa đóng")]
    public async Task Send_message_with_unbalanced_unsupported_or_unescaped_html_is_refused_with_cant_parse_entities(string html)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");

        var error = await Refused(() => Client(fake).SendMessage(An, html, parseMode: ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities: ", error.Message);
        Assert.Empty(fake.Messages(An));
    }

    [Theory]
    [InlineData("<b>đậm <i>và nghiêng</i></b> <strong>s</strong> <em>e</em> <u>u</u> <ins>n</ins> <s>s</s> <strike>k</strike> <del>d</del>",
        "đậm và nghiêng s e u n s k d")]
    [InlineData("<span class=\"tg-spoiler\">bí mật</span> <tg-spoiler>nữa</tg-spoiler>", "bí mật nữa")]
    [InlineData("<a href='https://vnpay.vn/?a=1&amp;b=2'>Trả phí</a>", "Trả phí")]
    [InlineData("<code>x &lt; y</code>\n<pre><code class=\"language-csharp\">var a = 1;</code></pre>", "x < y\nvar a = 1;")]
    [InlineData("<blockquote expandable>trích dẫn</blockquote>", "trích dẫn")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>", "👍")]
    [InlineData("&lt;&gt;&amp;&quot; &#65;&#x1F600;", "<>&\" A😀")]
    public async Task Html_within_telegrams_rules_is_accepted_and_shown_without_markup(string html, string visible)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");

        var sent = await Client(fake).SendMessage(An, html, parseMode: ParseMode.Html);

        Assert.Equal(visible, sent.Text);
        Assert.Equal((html, visible), (fake.Messages(An).Single().Html, fake.Messages(An).Single().Text));
    }

    [Fact]
    public async Task Callback_data_over_64_utf8_bytes_is_refused_with_button_data_invalid()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        var bot = Client(fake);

        await bot.SendMessage(An, "64 byte", replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Được", new string('a', 64))));
        var ascii = await Refused(() => bot.SendMessage(An, "65 byte", replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Quá", new string('a', 65)))));
        var vietnamese = await Refused(() => bot.SendMessage(An, "33 chữ đ", replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Quá", new string('đ', 33)))));

        Assert.Equal((400, "Bad Request: BUTTON_DATA_INVALID"), (ascii.ErrorCode, ascii.Message));
        Assert.Equal((400, "Bad Request: BUTTON_DATA_INVALID"), (vietnamese.ErrorCode, vietnamese.Message));
        Assert.Single(fake.Messages(An));
    }

    [Fact]
    public async Task A_button_needs_exactly_one_of_callback_data_and_url()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        var bot = Client(fake);

        var textOnly = await Refused(() => bot.SendMessage(An, "x", replyMarkup: Keyboard(new InlineKeyboardButton("Chỉ có chữ"))));
        var both = await Refused(() => bot.SendMessage(An, "x", replyMarkup: Keyboard(new InlineKeyboardButton("Cả hai") { CallbackData = "a", Url = "https://x.vn" })));

        Assert.Equal("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard", textOnly.Message);
        Assert.Equal(400, both.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse inline keyboard button: ", both.Message);
        Assert.Empty(fake.Messages(An));
    }

    [Theory]
    [InlineData("ftp://x.vn/tep")]
    [InlineData("/tuong-doi")]
    [InlineData("www.vnpay.vn")]
    [InlineData("javascript:alert(1)")]
    public async Task A_button_url_that_is_not_absolute_http_https_or_tg_is_refused(string url)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");

        var error = await Refused(() => Client(fake).SendMessage(An, "x", replyMarkup: Keyboard(InlineKeyboardButton.WithUrl("Mở", url))));

        Assert.Equal((400, "Bad Request: BUTTON_URL_INVALID"), (error.ErrorCode, error.Message));
    }

    [Theory]
    [InlineData("tg://resolve?domain=ChatPayTestBot")]
    [InlineData("http://x.vn")]
    [InlineData("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=1000000")]
    public async Task A_button_url_that_is_absolute_http_https_or_tg_is_accepted(string url)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");

        await Client(fake).SendMessage(An, "x", replyMarkup: Keyboard(InlineKeyboardButton.WithUrl("Mở", url)));

        Assert.Equal(url, fake.Messages(An).Single().Keyboard[0][0].Url);
    }

    [Fact]
    public async Task Editing_a_message_the_bot_never_sent_is_refused_with_message_to_edit_not_found()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");

        var error = await Refused(() => Client(fake).EditMessageText(An, 999, "sửa"));

        Assert.Equal((400, "Bad Request: message to edit not found"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Editing_the_users_own_message_is_refused_as_cannot_be_edited_and_a_deleted_one_as_not_found()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        var sent = await Client(fake).SendMessage(An, "x");
        await Client(fake).DeleteMessage(An, sent.MessageId);

        var users = await Refused(() => Client(fake).EditMessageText(An, sent.MessageId - 1, "sửa"));
        var deleted = await Refused(() => Client(fake).EditMessageText(An, sent.MessageId, "sửa"));

        Assert.Equal((400, "Bad Request: message can't be edited"), (users.ErrorCode, users.Message));
        Assert.Equal((400, "Bad Request: message to edit not found"), (deleted.ErrorCode, deleted.Message));
    }

    [Fact]
    public async Task An_edit_with_the_same_text_formatting_and_keyboard_is_refused_as_not_modified()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        var bot = Client(fake);
        var keyboard = Keyboard(InlineKeyboardButton.WithCallbackData("Nhận", "claim:1"));
        var sent = await bot.SendMessage(An, "<b>Cảnh báo</b> mới", parseMode: ParseMode.Html, replyMarkup: keyboard);

        var same = await Refused(() => bot.EditMessageText(An, sent.MessageId, "<b>Cảnh báo</b> mới", parseMode: ParseMode.Html, replyMarkup: keyboard));
        var sameEntities = await Refused(() => bot.EditMessageText(An, sent.MessageId, "<strong>Cảnh báo</strong> mới", parseMode: ParseMode.Html, replyMarkup: keyboard));
        var edited = await bot.EditMessageText(An, sent.MessageId, "<b>Cảnh báo</b> mới", parseMode: ParseMode.Html,
            replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Đã nhận", "claimed:1")));

        Assert.Equal((400, NotModified), (same.ErrorCode, same.Message));
        Assert.Equal(NotModified, sameEntities.Message);
        Assert.NotNull(edited.EditDate);
        var recorded = fake.Messages(An).Single();
        Assert.Equal((1, "claimed:1"), (recorded.Edits, recorded.Keyboard[0][0].CallbackData));
    }

    [Fact]
    public async Task Editing_the_text_without_a_keyboard_removes_the_keyboard()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        var bot = Client(fake);
        var sent = await bot.SendMessage(An, "Chờ thanh toán", replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Huỷ", "cancel")));

        var edited = await bot.EditMessageText(An, sent.MessageId, "Đã thanh toán");

        Assert.Null(edited.ReplyMarkup);
        var recorded = fake.Messages(An).Single();
        Assert.Equal(("Đã thanh toán", 1), (recorded.Text, recorded.Edits));
        Assert.Empty(recorded.Keyboard);
    }

    [Fact]
    public async Task Editing_only_the_keyboard_keeps_the_text_and_an_identical_keyboard_is_not_modified()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        var bot = Client(fake);
        var sent = await bot.SendMessage(An, "Cảnh báo", replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Nhận", "claim:1")));
        var closed = Keyboard(InlineKeyboardButton.WithCallbackData("Đã có người nhận", "noop"));

        await bot.EditMessageReplyMarkup(An, sent.MessageId, replyMarkup: closed);
        var again = await Refused(() => bot.EditMessageReplyMarkup(An, sent.MessageId, replyMarkup: closed));

        Assert.Equal(NotModified, again.Message);
        var recorded = fake.Messages(An).Single();
        Assert.Equal(("Cảnh báo", "noop", 1), (recorded.Text, recorded.Keyboard[0][0].CallbackData, recorded.Edits));
    }

    [Fact]
    public async Task A_callback_query_can_be_answered_once_and_an_unknown_id_not_at_all()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        var bot = Client(fake);
        var sent = await bot.SendMessage(An, "Chọn", replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Có", "yes")));
        fake.Press(An, sent.MessageId, "yes");
        var id = fake.CallbackQueryIds.Single();
        Assert.False(fake.WasAnswered(id));

        await bot.AnswerCallbackQuery(id, text: "Đã nhận", showAlert: true);
        var twice = await Refused(() => bot.AnswerCallbackQuery(id));
        var unknown = await Refused(() => bot.AnswerCallbackQuery("4390000000000999999"));

        Assert.True(fake.WasAnswered(id));
        Assert.Equal((400, QueryInvalid), (twice.ErrorCode, twice.Message));
        Assert.Equal((400, QueryInvalid), (unknown.ErrorCode, unknown.Message));
    }

    [Fact]
    public async Task A_callback_query_answered_after_the_window_is_refused_as_too_old()
    {
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { CallbackAnswerWindow = TimeSpan.FromMilliseconds(200) });
        fake.Press(An, 1, "yes");
        await Task.Delay(400); // the rule under test is about time passing

        var error = await Refused(() => Client(fake).AnswerCallbackQuery(fake.CallbackQueryIds.Single()));

        Assert.Equal((400, QueryInvalid), (error.ErrorCode, error.Message));
        Assert.False(fake.WasAnswered(fake.CallbackQueryIds.Single()));
    }

    [Fact]
    public async Task Sending_to_a_chat_no_user_wrote_from_is_refused_with_chat_not_found_unless_the_test_added_it()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = Client(fake);

        var unknown = await Refused(() => bot.SendMessage(77, "Xin chào"));
        var byName = await Refused(() => bot.SendMessage("@chatpay_updates", "Xin chào"));
        fake.AddChat(-1001234, "supergroup", "Một cửa Phường 1");
        var sent = await bot.SendMessage(-1001234, "Xin chào nhóm");

        Assert.Equal((400, "Bad Request: chat not found"), (unknown.ErrorCode, unknown.Message));
        Assert.Equal("Bad Request: chat not found", byName.Message);
        Assert.Equal((ChatType.Supergroup, "Một cửa Phường 1"), (sent.Chat.Type, sent.Chat.Title));
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_gets_nothing_until_they_write_again()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        var bot = Client(fake);
        fake.SendText(An, "/start");
        fake.BlockBot(An);

        var blocked = await Refused(() => bot.SendMessage(An, "Nhắc thanh toán"));
        var typing = await Refused(() => bot.SendChatAction(An, ChatAction.Typing));
        fake.SendText(An, "/start");
        await bot.SendChatAction(An, ChatAction.Typing);
        await bot.SendMessage(An, "Chào lại");

        Assert.Equal((403, "Forbidden: bot was blocked by the user"), (blocked.ErrorCode, blocked.Message));
        Assert.Equal(403, typing.ErrorCode);
        Assert.Equal(["Chào lại"], fake.Messages(An).Select(m => m.Text));
    }

    [Fact]
    public async Task A_group_that_removed_the_bot_answers_403_kicked()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.AddChat(-100);
        fake.BlockBot(-100);

        var error = await Refused(() => Client(fake).SendMessage(-100, "Cảnh báo"));

        Assert.Equal((403, "Forbidden: bot was kicked from the group chat"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task By_default_a_chat_takes_a_burst_of_three_sends_or_edits_then_gets_429_retry_after_1()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        var bot = Client(fake);

        var sent = await bot.SendMessage(An, "một");
        await bot.SendMessage(An, "hai");
        await bot.EditMessageText(An, sent.MessageId, "một (sửa)");
        var error = await Refused(() => bot.SendMessage(An, "bốn"));

        Assert.Equal((429, "Too Many Requests: retry after 1", 1), (error.ErrorCode, error.Message, error.Parameters?.RetryAfter));
        Assert.Equal(1, fake.TooManyRequests);
        Assert.Equal(2, fake.Messages(An).Count);
    }

    [Fact]
    public async Task A_call_refused_for_flooding_takes_no_token()
    {
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { PerChatPerSecond = 1, PerChatBurst = 1 });
        fake.SendText(An, "/start");
        var bot = Client(fake);
        await bot.SendMessage(An, "một");
        for (var i = 0; i < 3; i++) await Refused(() => bot.SendMessage(An, "dồn dập"));

        await Task.Delay(1100); // one token back at one a second, had the refusals taken none
        await bot.SendMessage(An, "hai");
        var next = await Refused(() => bot.SendMessage(An, "ba"));

        Assert.Equal(429, next.ErrorCode);
        Assert.Equal(4, fake.TooManyRequests);
        Assert.Equal(["một", "hai"], fake.Messages(An).Select(m => m.Text));
    }

    [Fact]
    public async Task A_group_gets_429_past_its_per_minute_limit_while_other_chats_go_on()
    {
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { PerChatPerSecond = 100, PerChatBurst = 100, PerGroupPerMinute = 2 });
        fake.AddChat(-100);
        fake.SendText(An, "/start");
        var bot = Client(fake);

        await bot.SendMessage(-100, "một");
        await bot.SendMessage(-100, "hai");
        var error = await Refused(() => bot.SendMessage(-100, "ba"));
        await bot.SendMessage(An, "riêng");

        Assert.Equal((429, 30), (error.ErrorCode, error.Parameters?.RetryAfter));
        Assert.Equal("Too Many Requests: retry after 30", error.Message);
    }

    [Fact]
    public async Task Past_the_global_limit_any_chat_gets_429()
    {
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { GlobalPerSecond = 0.5, GlobalBurst = 2 });
        foreach (var user in new long[] { 41, 42, 43 }) fake.SendText(user, "/start");
        var bot = Client(fake);

        await bot.SendMessage(41, "một");
        await bot.SendMessage(42, "hai");
        var error = await Refused(() => bot.SendMessage(43, "ba"));

        Assert.Equal((429, 2), (error.ErrorCode, error.Parameters?.RetryAfter));
        Assert.Empty(fake.Messages(43));
    }

    [Fact]
    public async Task Fail_next_answers_the_scheduled_errors_in_order_without_side_effects()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        var bot = Client(fake);
        fake.FailNext("sendMessage", 500);
        fake.FailNext("sendMessage", 502);
        fake.FailNext("sendMessage", 429, retryAfter: 7);
        fake.FailNext("sendMessage", 403, description: "Forbidden: bot was blocked by the user");
        fake.FailNext("answerCallbackQuery", 400, count: 2);

        var errors = new List<ApiRequestException>();
        for (var i = 0; i < 4; i++) errors.Add(await Refused(() => bot.SendMessage(An, "thử")));
        await bot.SendMessage(An, "được");
        var answers = new[] { await Refused(() => bot.AnswerCallbackQuery("1")), await Refused(() => bot.AnswerCallbackQuery("1")) };

        Assert.Equal([(500, "Internal Server Error"), (502, "Bad Gateway"), (429, "Too Many Requests: retry after 7"), (403, "Forbidden: bot was blocked by the user")],
            errors.Select(e => (e.ErrorCode, e.Message)));
        Assert.Equal(7, errors[2].Parameters?.RetryAfter);
        Assert.All(answers, a => Assert.Equal((400, "Bad Request"), (a.ErrorCode, a.Message)));
        Assert.Equal(["được"], fake.Messages(An).Select(m => m.Text));
        Assert.Equal(0, fake.TooManyRequests);
        Assert.Equal([500, 502, 429, 403, 200], fake.Calls.Where(c => c.Method == "sendMessage").Select(c => c.StatusCode));
        Assert.All(fake.Calls.Where(c => c.Method == "sendMessage"), c => Assert.Equal(An, c.ChatId));
    }

    [Fact]
    public async Task The_clients_own_retry_honours_a_short_retry_after()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        fake.FailNext("sendMessage", 429, retryAfter: 1);
        var patient = new TelegramBotClient(new TelegramBotClientOptions(fake.Options.Token, baseUrl: fake.BaseUrl));

        await patient.SendMessage(An, "sau một giây");

        Assert.Equal([429, 200], fake.Calls.Where(c => c.Method == "sendMessage").Select(c => c.StatusCode));
        Assert.Single(fake.Messages(An));
    }

    [Fact]
    public async Task Delay_next_outlasts_a_client_timeout_yet_the_message_is_recorded_as_telegram_may_have_delivered_it()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        fake.DelayNext("sendMessage", TimeSpan.FromSeconds(3));
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var impatient = new TelegramBotClient(ClientOptions(fake), http);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => impatient.SendMessage(An, "Có thể đã tới"));
        var watch = Stopwatch.StartNew();
        await impatient.SendMessage(An, "Lần sau trả lời ngay");

        Assert.IsNotType<ApiRequestException>(error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), "the next answer must not wait out the 3 s delay");
        Assert.Equal(["Có thể đã tới", "Lần sau trả lời ngay"], fake.Messages(An).Select(m => m.Text));
    }

    [Fact]
    public async Task A_dropped_answer_leaves_the_client_with_a_network_error_and_the_message_sent()
    {
        await using var fake = await FakeTelegramServer.StartAsync(Unthrottled);
        fake.SendText(An, "/start");
        fake.DropAnswerNext("sendMessage");
        var bot = Client(fake);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => bot.SendMessage(An, "Đã tới mà không ai biết"));
        var next = await bot.SendMessage(An, "Tiếp theo");

        Assert.IsNotType<ApiRequestException>(error);
        Assert.Equal(["Đã tới mà không ai biết", "Tiếp theo"], fake.Messages(An).Select(m => m.Text));
        Assert.Equal(fake.Messages(An)[0].MessageId + 1, next.MessageId);
    }

    [Fact]
    public async Task Wait_for_message_is_woken_by_the_send_or_edit_that_meets_the_condition()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        var bot = Client(fake);
        var waiting = fake.WaitForMessageAsync(An, m => m.Text.StartsWith("Đã thanh toán", StringComparison.Ordinal));

        var sent = await bot.SendMessage(An, "Chờ thanh toán");
        Assert.False(waiting.IsCompleted);
        await bot.EditMessageText(An, sent.MessageId, "Đã thanh toán 10.000 ₫");

        var paid = await waiting;
        Assert.Equal((sent.MessageId, 1), (paid.MessageId, paid.Edits));
    }

    [Fact]
    public async Task Wait_for_message_times_out_telling_what_the_chat_holds()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        await Client(fake).SendMessage(An, "Xin chào", replyMarkup: Keyboard(InlineKeyboardButton.WithCallbackData("Trả phí", "pay")));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => fake.WaitForMessageAsync(An, m => m.Text == "Tạm biệt", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("Xin chào", error.Message);
        Assert.Contains("Trả phí", error.Message);
    }

    [Fact]
    public async Task Set_my_commands_stores_the_list_and_refuses_an_invalid_command()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = Client(fake);

        await bot.SetMyCommands([new BotCommand("start", "Bắt đầu"), new BotCommand("tracuu", "Tra cứu hồ sơ")]);
        var error = await Refused(() => bot.SetMyCommands([new BotCommand("TraCuu", "Viết hoa")]));

        Assert.Equal([("start", "Bắt đầu"), ("tracuu", "Tra cứu hồ sơ")], fake.Commands);
        Assert.Equal(["start", "tracuu"], (await bot.GetMyCommands()).Select(c => c.Command));
        Assert.Equal((400, "Bad Request: BOT_COMMAND_INVALID"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task A_deleted_message_is_gone_and_cannot_be_deleted_twice()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.SendText(An, "/start");
        var bot = Client(fake);
        var sent = await bot.SendMessage(An, "Tạm");

        await bot.DeleteMessage(An, sent.MessageId);
        var again = await Refused(() => bot.DeleteMessage(An, sent.MessageId));

        Assert.Empty(fake.Messages(An));
        Assert.Equal((400, "Bad Request: message to delete not found"), (again.ErrorCode, again.Message));
    }

    [Fact]
    public async Task Disposing_the_fake_ends_a_waiting_long_poll()
    {
        var fake = await FakeTelegramServer.StartAsync();
        var poll = Client(fake).GetUpdates(timeout: 60);
        await Eventually.HoldsAsync(() => fake.LongPollWaiting);
        var watch = Stopwatch.StartNew();

        await fake.DisposeAsync();

        await poll.ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    private static TelegramBotClientOptions ClientOptions(FakeTelegramServer fake) =>
        // The client's own 429 retry is off, so tests see each 429 the fake gives.
        new(fake.Options.Token, baseUrl: fake.BaseUrl) { RetryThreshold = 0 };

    private static TelegramBotClient Client(FakeTelegramServer fake) => new(ClientOptions(fake));

    private static string MethodUrl(FakeTelegramServer fake, string method) => $"{fake.BaseUrl}/bot{fake.Options.Token}/{method}";

    private static InlineKeyboardMarkup Keyboard(params InlineKeyboardButton[] row) => new(new[] { row });

    private static Task<ApiRequestException> Refused(Func<Task> call) => Assert.ThrowsAsync<ApiRequestException>(call);

    /// <summary>A bot's webhook endpoint on loopback: refuses the first deliveries with 500, then records each.</summary>
    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly int _refuseFirst;
        private readonly ConcurrentQueue<(string Body, string? Secret)> _delivered = new();
        private readonly SemaphoreSlim _arrived = new(0);
        private int _attempts;

        private WebhookReceiver(WebApplication app, int refuseFirst)
        {
            _app = app;
            _refuseFirst = refuseFirst;
        }

        public string Url { get; private set; } = "";

        public int Attempts => Volatile.Read(ref _attempts);

        public static async Task<WebhookReceiver> StartAsync(int refuseFirst)
        {
            var app = LoopbackApp.Create();
            var receiver = new WebhookReceiver(app, refuseFirst);
            app.Run(receiver.ReceiveAsync);
            receiver.Url = await LoopbackApp.StartAsync(app) + "/telegram/hook";
            return receiver;
        }

        public async Task<(string Body, string? Secret)> NextAsync()
        {
            if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(10))) throw new TimeoutException("No webhook delivery arrived.");
            _delivered.TryDequeue(out var delivery);
            return delivery;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            _arrived.Dispose();
        }

        private async Task ReceiveAsync(HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Increment(ref _attempts) <= _refuseFirst)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }
            string? secret = context.Request.Headers.TryGetValue("X-Telegram-Bot-Api-Secret-Token", out var header) ? header.ToString() : null;
            _delivered.Enqueue((body, secret));
            _arrived.Release();
        }
    }
}
