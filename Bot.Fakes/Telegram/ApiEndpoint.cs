using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// Serves /bot{token}/{method}: checks the token and method, applies scheduled faults, logs the call and writes
/// Telegram's envelope with the HTTP status equal to the error code.
/// </summary>
internal sealed class ApiEndpoint(FakeTelegramOptions options, BotMethods methods, FileStore files, Faults faults, CancellationToken stopping)
{
    private readonly ConcurrentQueue<FakeCall> _calls = new();
    private int _tooManyRequests;

    public IReadOnlyList<FakeCall> Calls => [.. _calls];

    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);

    public async Task HandleAsync(HttpContext context)
    {
        var at = DateTimeOffset.UtcNow;
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await DownloadAsync(context, path["/file/".Length..]);
            return;
        }
        var (token, method) = Split(path);
        long? chatId = null;
        var delay = TimeSpan.Zero;
        var drop = false;
        JsonNode? result = null;
        ApiError? error;
        try
        {
            if (token is null) throw new ApiError(404, "Not Found");
            if (token != options.Token) throw new ApiError(401, "Unauthorized");
            if (!methods.TryGet(method, out var name, out var handler)) throw new ApiError(404, "Not Found");
            method = name;
            var parameters = await ApiParameters.ReadAsync(context.Request);
            chatId = parameters.ChatIdIfAny();
            delay = faults.TakeDelay(method);
            drop = faults.TakeDrop(method);
            // A scheduled failure answers without side effects, and is not one of the fake's own 429s.
            error = faults.TakeFailure(method);
            if (error is null) result = await handler(parameters, context.RequestAborted);
        }
        catch (ApiError e)
        {
            error = e;
            if (e.Code == 429) Interlocked.Increment(ref _tooManyRequests);
        }
        _calls.Enqueue(new FakeCall(method, error?.Code ?? StatusCodes.Status200OK, error?.Description, at, chatId));
        // The call has had its effect: a client that gives up waiting has still sent what it sent, as with Telegram.
        if (delay > TimeSpan.Zero) await DelayAsync(delay);
        if (drop)
        {
            // The connection breaks after the call took effect: the client never learns that it did.
            context.Abort();
            return;
        }
        await WriteAsync(context.Response, result, error);
    }

    /// <summary>GET /file/bot&lt;token&gt;/&lt;file_path&gt;: the file's bytes, for the bot whose token it is.</summary>
    private async Task DownloadAsync(HttpContext context, string rest)
    {
        var (token, filePath) = Split("/" + rest);
        var file = token == options.Token ? files.ByPath(filePath) : null;
        _calls.Enqueue(new FakeCall("file", file is null ? 404 : 200, null, DateTimeOffset.UtcNow, null));
        if (file is null)
        {
            context.Response.StatusCode = token == options.Token ? StatusCodes.Status404NotFound : StatusCodes.Status401Unauthorized;
            return;
        }
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Bytes.Length;
        await context.Response.Body.WriteAsync(file.Bytes);
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, stopping);
        }
        catch (OperationCanceledException)
        {
            // The fake is stopping: answer now.
        }
    }

    private static (string? Token, string Method) Split(string path)
    {
        if (!path.StartsWith("/bot", StringComparison.Ordinal)) return (null, path);
        var slash = path.IndexOf('/', 4);
        return slash < 0 ? (null, path) : (path[4..slash], path[(slash + 1)..]);
    }

    private static async Task WriteAsync(HttpResponse response, JsonNode? result, ApiError? error)
    {
        var body = error is null
            ? new JsonObject { ["ok"] = true, ["result"] = result }
            : new JsonObject { ["ok"] = false, ["error_code"] = error.Code, ["description"] = error.Description };
        if (error?.RetryAfter is { } retryAfter) body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        response.StatusCode = error?.Code ?? StatusCodes.Status200OK;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString());
    }
}
