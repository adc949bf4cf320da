using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// A Telegram Bot API server on loopback that answers as Telegram does: its shapes, validation, error descriptions,
/// flood limits, long polling and webhook delivery. Tests act as users (<see cref="SendText"/>, <see cref="Press"/>)
/// and read what the bot did (<see cref="Messages"/>, <see cref="Calls"/>). Thread-safe.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private const string DefaultFirstName = "Người dùng";

    // Who writes in a group when the test names no one.
    private const long DefaultGroupMemberId = 700_001;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ChatBook _chats;
    private readonly UpdateQueue _updates;
    private readonly CallbackQueries _callbacks;
    private readonly FileStore _files = new();
    private readonly Faults _faults = new();
    private readonly BotMethods _methods;
    private readonly ApiEndpoint _endpoint;
    private readonly WebhookSender _webhook;
    private Task _webhookRun = Task.CompletedTask;

    private FakeTelegramServer(FakeTelegramOptions options, WebApplication app)
    {
        Options = options;
        _app = app;
        var bot = new BotUser(options);
        _chats = new ChatBook(new FloodControl(options), bot);
        _updates = new UpdateQueue(_stopping.Token);
        _callbacks = new CallbackQueries(options.CallbackAnswerWindow);
        _methods = new BotMethods(bot, _chats, _updates, _callbacks, _files);
        _endpoint = new ApiEndpoint(options, _methods, _files, _faults, _stopping.Token);
        _webhook = new WebhookSender(_updates, _stopping.Token);
    }

    public FakeTelegramOptions Options { get; }

    /// <summary>"http://127.0.0.1:PORT", what TelegramBotClientOptions takes as baseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Callback query ids in the order pressed.</summary>
    public IReadOnlyList<string> CallbackQueryIds => _callbacks.Ids;

    /// <summary>Every API call with the fake's answer, in the order answered.</summary>
    public IReadOnlyList<FakeCall> Calls => _endpoint.Calls;

    /// <summary>How many 429s the fake's flood control gave (scheduled ones excluded).</summary>
    public int TooManyRequests => _endpoint.TooManyRequests;

    /// <summary>The commands of the last setMyCommands call, whatever its scope and language.</summary>
    public IReadOnlyList<(string Command, string Description)> Commands => _methods.Commands;

    public string? WebhookUrl => _updates.WebhookUrl;

    public string? WebhookSecret => _updates.WebhookSecret;

    /// <summary>Updates queued and not yet confirmed by getUpdates or a 2xx webhook answer.</summary>
    public int PendingUpdates => _updates.Pending;

    /// <summary>Whether a getUpdates long poll is waiting on the fake now.</summary>
    public bool LongPollWaiting => _updates.Polled;

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null)
    {
        var app = LoopbackApp.Create();
        var server = new FakeTelegramServer(options ?? new FakeTelegramOptions(), app);
        app.Run(server._endpoint.HandleAsync);
        server.BaseUrl = await LoopbackApp.StartAsync(app);
        server._webhookRun = Task.Run(server._webhook.RunAsync);
        return server;
    }

    /// <summary>
    /// A user writes <paramref name="text"/> in the chat; returns the update id queued. A private chat's id is the user's;
    /// in a group (negative id) the sender defaults to one member. Writing unblocks a bot the user had blocked, as
    /// restarting it in Telegram does.
    /// </summary>
    public long SendText(long chatId, string text, long? fromUserId = null, string fromFirstName = DefaultFirstName, string chatType = "private")
    {
        _chats.Know(chatId, chatType, chatType == "private" ? fromFirstName : GroupTitle(chatId));
        _chats.SetBlocked(chatId, false);
        var from = UserJson(Sender(chatId, fromUserId), fromFirstName);
        var messageId = _chats.NextMessageId(chatId);
        return _updates.Enqueue(id => new JsonObject
        {
            ["update_id"] = id,
            ["message"] = UserMessage(chatId, messageId, from, text),
        });
    }

    /// <summary>
    /// The user sends a photo (as Telegram does, with its file_id; the bot reads it with getFile and downloads it from
    /// /file/bot&lt;token&gt;/&lt;file_path&gt;). Returns the update id.
    /// </summary>
    public long SendPhoto(long chatId, byte[] jpeg, int width = 1280, int height = 1280)
    {
        var file = _files.Add(jpeg, "jpg");
        return SendFromUser(chatId, "photo", new JsonArray(new JsonObject
        {
            ["file_id"] = file.FileId, ["file_unique_id"] = file.UniqueId, ["file_size"] = jpeg.Length, ["width"] = width, ["height"] = height,
        }));
    }

    /// <summary>The user sends a file (an image sent uncompressed, say): message.document with its file_id, MIME type and size.</summary>
    public long SendDocument(long chatId, byte[] bytes, string mimeType, string fileName)
    {
        var file = _files.Add(bytes, Path.GetExtension(fileName).TrimStart('.'));
        return SendFromUser(chatId, "document", new JsonObject
        {
            ["file_id"] = file.FileId, ["file_unique_id"] = file.UniqueId, ["file_name"] = fileName, ["mime_type"] = mimeType, ["file_size"] = bytes.Length,
        });
    }

    /// <summary>The label of the "share my phone number" button the bot shows under the user's text field, if any.</summary>
    public string? ContactButton(long chatId) => _chats.ContactButton(chatId);

    /// <summary>
    /// The user taps the bot's request_contact button: Telegram sends their own number (without "+", as many clients do)
    /// with user_id = the user. Only possible while the bot shows that button.
    /// </summary>
    public long SharePhone(long chatId, string phoneNumber)
    {
        if (_chats.ContactButton(chatId) is null) throw new InvalidOperationException($"Chat {chatId} shows no button to share a phone number.");
        return SendContact(chatId, phoneNumber, contactUserId: chatId);
    }

    /// <summary>A contact sent in the chat: the user's own (<paramref name="contactUserId"/> = the chat), or someone else's, forwarded or typed.</summary>
    public long SendContact(long chatId, string phoneNumber, long? contactUserId, string firstName = DefaultFirstName)
    {
        var contact = new JsonObject { ["phone_number"] = phoneNumber, ["first_name"] = firstName };
        if (contactUserId is { } owner) contact["user_id"] = owner;
        return SendFromUser(chatId, "contact", contact, firstName);
    }

    /// <summary>A message from the private chat's user carrying <paramref name="field"/> (a photo, a document, a contact) instead of text.</summary>
    private long SendFromUser(long chatId, string field, JsonNode content, string firstName = DefaultFirstName)
    {
        _chats.Know(chatId, "private", firstName);
        var from = UserJson(chatId, firstName);
        var messageId = _chats.NextMessageId(chatId);
        return _updates.Enqueue(id => new JsonObject
        {
            ["update_id"] = id,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId, ["from"] = from, ["chat"] = _chats.ChatJson(chatId), ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                [field] = content,
            },
        });
    }

    /// <summary>
    /// A user presses the button carrying <paramref name="callbackData"/> on the bot's message; returns the update id
    /// queued. The query's id joins <see cref="CallbackQueryIds"/>; a message the bot no longer has comes as Telegram's
    /// inaccessible message (date 0).
    /// </summary>
    public long Press(long chatId, int messageId, string callbackData, long? fromUserId = null, string fromFirstName = DefaultFirstName)
    {
        var type = _chats.TypeOf(chatId) ?? (chatId > 0 ? "private" : "group");
        _chats.Know(chatId, type, type == "private" ? fromFirstName : GroupTitle(chatId));
        var from = UserJson(Sender(chatId, fromUserId), fromFirstName);
        var message = _chats.MessageJson(chatId, messageId)
            ?? new JsonObject { ["message_id"] = messageId, ["date"] = 0, ["chat"] = _chats.ChatJson(chatId) };
        var queryId = _callbacks.Press();
        return _updates.Enqueue(id => new JsonObject
        {
            ["update_id"] = id,
            ["callback_query"] = new JsonObject
            {
                ["id"] = queryId,
                ["from"] = from,
                ["message"] = message,
                ["chat_instance"] = (-Math.Abs(chatId) * 7919).ToString(CultureInfo.InvariantCulture),
                ["data"] = callbackData,
            },
        });
    }

    public bool WasAnswered(string callbackQueryId) => _callbacks.WasAnswered(callbackQueryId);

    /// <summary>Makes a chat known without anyone writing in it, e.g. a group the bot was added to.</summary>
    public void AddChat(long chatId, string type = "group", string? title = null) =>
        _chats.Know(chatId, type, title ?? (type == "private" ? DefaultFirstName : GroupTitle(chatId)));

    /// <summary>The user blocks the bot (in a group: the bot is removed); sends then get Telegram's 403.</summary>
    public void BlockBot(long chatId)
    {
        AddChat(chatId, _chats.TypeOf(chatId) ?? (chatId > 0 ? "private" : "group"));
        _chats.SetBlocked(chatId, true);
    }

    /// <summary>The bot's messages in the chat as they stand now, in the order sent.</summary>
    public IReadOnlyList<FakeMessage> Messages(long chatId) => _chats.Messages(chatId);

    /// <summary>Waits, woken by each send and edit in the chat, until a message of the chat meets the condition.</summary>
    public Task<FakeMessage> WaitForMessageAsync(long chatId, Func<FakeMessage, bool> condition, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(30);
        return _chats.ChangedIn(chatId).WaitForAsync(() => Messages(chatId), condition, limit, messages => Describe(chatId, limit, messages));
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> fail with <paramref name="statusCode"/> and
    /// no side effect. The description defaults to the status's reason ("Internal Server Error", "Bad Gateway", …);
    /// a 429 carries retry_after (default 1 s, as Telegram always sends one).
    /// </summary>
    public void FailNext(string method, int statusCode, int count = 1, int? retryAfter = null, string? description = null)
    {
        if (retryAfter is not null && statusCode != 429) throw new ArgumentException("Only a 429 carries retry_after.", nameof(retryAfter));
        var error = statusCode == 429
            ? new ApiError(429, description ?? $"Too Many Requests: retry after {retryAfter ?? 1}", retryAfter ?? 1)
            : new ApiError(statusCode, description ?? ReasonPhrases.GetReasonPhrase(statusCode));
        _faults.Fail(method, error, count);
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> are answered only after
    /// <paramref name="delay"/>. The call takes effect at once: a sendMessage whose client gave up waiting is still
    /// recorded, because Telegram may well have delivered it.
    /// </summary>
    public void DelayNext(string method, TimeSpan delay, int count = 1) => _faults.Delay(method, delay, count);

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> take effect, then their connection breaks
    /// before the answer: the client cannot tell whether Telegram acted, as when a network fails mid-call.
    /// </summary>
    public void DropAnswerNext(string method, int count = 1) => _faults.DropAnswer(method, count);

    /// <summary>Forgets every failure and delay still scheduled: Telegram is healthy again.</summary>
    public void ClearFaults() => _faults.Clear();

    public async ValueTask DisposeAsync()
    {
        // Long polls, delayed answers and the webhook sender all end on this token, so stopping does not wait for them.
        await _stopping.CancelAsync();
        await _webhookRun;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _webhook.Dispose();
        _stopping.Dispose();
    }

    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?")]
    private static partial Regex LeadingCommand();

    private static string GroupTitle(long chatId) => $"Nhóm {-chatId}";

    private static long Sender(long chatId, long? fromUserId)
    {
        if (chatId < 0) return fromUserId ?? DefaultGroupMemberId;
        if (fromUserId is { } id && id != chatId) throw new ArgumentException($"In a private chat the sender is the chat's user {chatId}.", nameof(fromUserId));
        return chatId;
    }

    private static JsonObject UserJson(long id, string firstName) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = firstName,
        ["language_code"] = "vi",
    };

    private JsonObject UserMessage(long chatId, int messageId, JsonObject from, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = from,
            ["chat"] = _chats.ChatJson(chatId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        if (LeadingCommand().Match(text) is { Success: true } command)
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command.Length });
        return message;
    }

    private static string Describe(long chatId, TimeSpan limit, IReadOnlyList<FakeMessage> messages)
    {
        var lines = messages.Select(m =>
        {
            var buttons = m.Keyboard.SelectMany(row => row).Select(b => $"{b.Text} → {b.CallbackData ?? b.Url}");
            var keyboard = m.Keyboard.Count > 0 ? $" [{string.Join(" | ", buttons)}]" : "";
            return $"\n  #{m.MessageId} (edits: {m.Edits}) \"{m.Text}\"{keyboard}";
        });
        return $"No message in chat {chatId} matched within {limit.TotalSeconds:0.###} s; it holds {messages.Count} message(s).{string.Concat(lines)}";
    }
}
