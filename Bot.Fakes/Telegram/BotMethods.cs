using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatPay.Fakes.Telegram;

/// <summary>The Bot API methods the fake serves, each answering a result or throwing Telegram's <see cref="ApiError"/>.</summary>
internal sealed partial class BotMethods
{
    public delegate Task<JsonNode?> Handler(ApiParameters parameters, CancellationToken aborted);

    private readonly Dictionary<string, (string Name, Handler Run)> _methods = new(StringComparer.OrdinalIgnoreCase);
    private readonly BotUser _bot;
    private readonly ChatBook _chats;
    private readonly UpdateQueue _updates;
    private readonly CallbackQueries _callbacks;
    private readonly Lock _gate = new();
    private IReadOnlyList<(string Command, string Description)> _commands = [];

    private readonly FileStore _files;

    public BotMethods(BotUser bot, ChatBook chats, UpdateQueue updates, CallbackQueries callbacks, FileStore files)
    {
        _files = files;
        _bot = bot;
        _chats = chats;
        _updates = updates;
        _callbacks = callbacks;
        Add("getMe", _ => _bot.Me());
        _methods["getUpdates"] = ("getUpdates", GetUpdatesAsync);
        Add("setWebhook", SetWebhook);
        Add("deleteWebhook", p => Done(() => _updates.SetWebhook(null, null, p.Flag("drop_pending_updates"))));
        Add("getWebhookInfo", _ => WebhookInfo());
        Add("sendMessage", p => _chats.Send(p.ChatId(), MessageContent.Read(p, inlineOnly: false)));
        Add("editMessageText", EditMessageText);
        Add("editMessageReplyMarkup", EditMessageReplyMarkup);
        Add("deleteMessage", p => Done(() => _chats.Delete(p.ChatId(), MessageId(p, "message to delete not found"))));
        Add("answerCallbackQuery", p => Done(() => _callbacks.Answer(p.Text("callback_query_id"))));
        Add("sendChatAction", SendChatAction);
        Add("getFile", GetFile);
        Add("setMyCommands", SetMyCommands);
        Add("getMyCommands", _ => new JsonArray([.. Commands.Select(c => new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]));
    }

    /// <summary>The last list setMyCommands stored, whatever its scope and language (the fake keeps one list).</summary>
    public IReadOnlyList<(string Command, string Description)> Commands
    {
        get
        {
            lock (_gate) return _commands;
        }
    }

    /// <summary>Finds a method by name, ignoring case as Telegram does, with its documented spelling.</summary>
    public bool TryGet(string method, out string name, out Handler handler)
    {
        var found = _methods.TryGetValue(method, out var entry);
        (name, handler) = entry;
        return found;
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();

    private void Add(string name, Func<ApiParameters, JsonNode> run) => _methods[name] = (name, (p, _) => Task.FromResult<JsonNode?>(run(p)));

    private static JsonNode Done(Action action)
    {
        action();
        return JsonValue.Create(true);
    }

    private async Task<JsonNode?> GetUpdatesAsync(ApiParameters p, CancellationToken aborted)
    {
        var limit = (int)Math.Clamp(p.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(p.Long("timeout") ?? 0, 0));
        return await _updates.GetUpdatesAsync(p.Long("offset") ?? 0, limit, timeout, aborted);
    }

    private JsonNode SetWebhook(ApiParameters p)
    {
        var url = p.Text("url");
        var drop = p.Flag("drop_pending_updates");
        // An empty url removes the webhook, as Telegram documents.
        if (string.IsNullOrEmpty(url)) return Done(() => _updates.SetWebhook(null, null, drop));
        // Telegram insists on HTTPS on ports 443, 80, 88 or 8443; the fake takes any http(s) URL so tests can use loopback.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw ApiError.BadRequest("invalid webhook URL specified");
        var secret = p.Text("secret_token");
        if (secret is not null && !SecretToken().IsMatch(secret)) throw ApiError.BadRequest("secret token contains unallowed characters");
        return Done(() => _updates.SetWebhook(url, secret, drop));
    }

    private JsonObject WebhookInfo() => new()
    {
        ["url"] = _updates.WebhookUrl ?? "",
        ["has_custom_certificate"] = false,
        ["pending_update_count"] = _updates.Pending,
    };

    private JsonObject GetFile(ApiParameters p)
    {
        var fileId = p.Text("file_id");
        if (string.IsNullOrEmpty(fileId)) throw ApiError.BadRequest("file_id not specified");
        var file = _files.ById(fileId) ?? throw ApiError.BadRequest("invalid file_id");
        if (file.Bytes.Length > FileStore.MaxDownload) throw ApiError.BadRequest("file is too big");
        return new JsonObject { ["file_id"] = file.FileId, ["file_unique_id"] = file.UniqueId, ["file_size"] = file.Bytes.Length, ["file_path"] = file.Path };
    }

    private JsonNode EditMessageText(ApiParameters p)
    {
        var chatId = p.ChatId();
        var messageId = MessageId(p, "message to edit not found");
        var content = MessageContent.Read(p, inlineOnly: true);
        return _chats.Edit(chatId, messageId, _ => content);
    }

    private JsonNode EditMessageReplyMarkup(ApiParameters p)
    {
        var chatId = p.ChatId();
        var messageId = MessageId(p, "message to edit not found");
        var keyboard = InlineKeyboard.Read(p.Json("reply_markup"), inlineOnly: true);
        return _chats.Edit(chatId, messageId, current => current with { Keyboard = keyboard });
    }

    private static int MessageId(ApiParameters p, string notFound)
    {
        if (p.Text("inline_message_id") is not null) throw ApiError.BadRequest("the fake does not model inline messages");
        var id = p.Long("message_id") ?? throw ApiError.BadRequest("message identifier is not specified");
        return id is > 0 and <= int.MaxValue ? (int)id : throw ApiError.BadRequest(notFound);
    }

    private JsonNode SendChatAction(ApiParameters p)
    {
        var chatId = p.ChatId();
        if (string.IsNullOrEmpty(p.Text("action"))) throw ApiError.BadRequest("action is empty");
        return Done(() => _chats.CheckReachable(chatId));
    }

    private JsonNode SetMyCommands(ApiParameters p)
    {
        var commands = new List<(string, string)>();
        // No commands parameter sets an empty list, as with Telegram.
        if (p.Json("commands") is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array) throw ApiError.BadRequest("field \"commands\" must be an Array");
            foreach (var item in list.EnumerateArray()) commands.Add(Command(item));
        }
        lock (_gate) _commands = commands;
        return JsonValue.Create(true);
    }

    private static (string, string) Command(JsonElement item)
    {
        string Field(string name) =>
            item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw ApiError.BadRequest($"can't parse BotCommand: Can't find field \"{name}\"");
        var command = Field("command");
        var description = Field("description");
        if (!CommandName().IsMatch(command)) throw ApiError.BadRequest("BOT_COMMAND_INVALID");
        if (description.Trim().Length == 0) throw ApiError.BadRequest("command description must be non-empty");
        return (command, description);
    }
}
