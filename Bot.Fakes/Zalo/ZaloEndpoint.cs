using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ChatPay.Fakes.Zalo;

/// <summary>
/// Serves the send and the token refresh: applies scheduled faults, checks credentials and bodies, logs the call and
/// writes Zalo's answer — HTTP 200 with a negative "error" for every refusal, as Zalo does.
/// </summary>
internal sealed class ZaloEndpoint(FakeZaloOptions options, Tokens tokens, FollowerBook followers, ZnsBook zns, Faults faults, CancellationToken stopping)
{
    private readonly ConcurrentQueue<ZaloCall> _calls = new();

    public IReadOnlyList<ZaloCall> Calls => [.. _calls];

    /// <summary>Pictures users sent, by path.</summary>
    public ConcurrentDictionary<string, byte[]> Images { get; } = new();

    public async Task HandleAsync(HttpContext context)
    {
        var at = options.Clock.GetUtcNow();
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) && (request.Path.Value ?? "").StartsWith(ZaloPaths.Images, StringComparison.Ordinal))
        {
            // A picture a user sent, as Zalo's CDN serves it to whoever has its address.
            var image = Images.GetValueOrDefault(request.Path.Value!);
            context.Response.StatusCode = image is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            if (image is not null)
            {
                context.Response.ContentType = "image/jpeg";
                await context.Response.Body.WriteAsync(image);
            }
            return;
        }
        var path = Route(request.Path.Value ?? "");
        if (path is null || !HttpMethods.IsPost(request.Method))
        {
            var status = path is null ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed;
            _calls.Enqueue(new ZaloCall(request.Path.Value ?? "", 0, status, at, null));
            context.Response.StatusCode = status;
            return;
        }
        var body = await ReadAsync(request);
        var userId = path == ZaloPaths.Message ? CustomerServiceMessage.UserIdIn(body) : null;
        var delay = faults.TakeDelay(path);
        var httpStatus = StatusCodes.Status200OK;
        JsonObject? answer = null;
        ZaloError? error = null;
        // A scheduled failure answers without side effects: no message recorded, no token spent or rotated.
        if (faults.TakeFailure(path) is { } failure)
        {
            httpStatus = failure.HttpStatus ?? StatusCodes.Status200OK;
            error = failure.Error is { } code ? ZaloError.Scheduled(code, oauth: path == ZaloPaths.AccessToken) : null;
        }
        else
        {
            try
            {
                answer = path switch
                {
                    ZaloPaths.Message => Send(request, body),
                    ZaloPaths.Template => SendTemplate(request, body),
                    _ => Refresh(request, body),
                };
            }
            catch (ZaloError e)
            {
                error = e;
            }
        }
        _calls.Enqueue(new ZaloCall(path, error?.Code ?? 0, httpStatus, at, userId));
        // The call has had its effect: a client that gives up waiting may still have sent its message, as with Zalo.
        if (delay > TimeSpan.Zero) await DelayAsync(delay);
        await WriteAsync(context.Response, httpStatus, answer ?? (error is null ? null : ErrorJson(error)));
    }

    private static string? Route(string path) => path switch
    {
        ZaloPaths.Message => ZaloPaths.Message,
        ZaloPaths.AccessToken => ZaloPaths.AccessToken,
        ZaloPaths.Template => ZaloPaths.Template,
        _ => null,
    };

    /// <summary>ZNS answers an invalid or expired OA token with -124 (the OA API's -216 is the same fault).</summary>
    private JsonObject SendTemplate(HttpRequest request, string body)
    {
        try
        {
            tokens.CheckAccess(request.Headers["access_token"].ToString());
        }
        catch (ZaloError e) when (e.Code == ZaloError.AccessTokenInvalid)
        {
            throw new ZaloError(-124, "Access token is invalid");
        }
        return zns.Send(body);
    }

    private JsonObject Send(HttpRequest request, string body)
    {
        // The token travels in a header named access_token; an Authorization: Bearer header is no token to Zalo.
        tokens.CheckAccess(request.Headers["access_token"].ToString());
        var message = CustomerServiceMessage.Parse(body);
        var sent = followers.Send(message.UserId, message.Text, message.Buttons, message.RequestsUserInfo);
        return new JsonObject
        {
            ["error"] = 0,
            ["message"] = "Success",
            ["data"] = new JsonObject { ["message_id"] = sent.MessageId, ["user_id"] = sent.UserId },
        };
    }

    private JsonObject Refresh(HttpRequest request, string body)
    {
        // Only a form body carries the fields; JSON or a query string leaves them missing.
        var form = IsForm(request) ? QueryHelpers.ParseQuery(body) : [];
        string? Field(string name) => form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
        var refreshToken = Field("refresh_token") ?? throw ZaloError.Missing("refresh_token");
        var appId = Field("app_id") ?? throw ZaloError.Missing("app_id");
        var grantType = Field("grant_type") ?? throw ZaloError.Missing("grant_type");
        if (grantType != "refresh_token") throw ZaloError.BadField($"Unsupported grant_type: {grantType}");
        if (appId != options.AppId || request.Headers["secret_key"].ToString() != options.AppSecret) throw ZaloError.WrongApp();
        var (access, refresh) = tokens.Rotate(refreshToken);
        return new JsonObject
        {
            ["access_token"] = access,
            ["refresh_token"] = refresh,
            // A string, as Zalo sends it: a client reading a number fails here as it would in production.
            ["expires_in"] = ((long)Tokens.Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static bool IsForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && string.Equals(type.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static JsonObject ErrorJson(ZaloError error) => error.Name is null
        ? new JsonObject { ["error"] = error.Code, ["message"] = error.Message }
        : new JsonObject { ["error"] = error.Code, ["error_name"] = error.Name, ["error_description"] = error.Message };

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

    private static async Task WriteAsync(HttpResponse response, int status, JsonObject? json)
    {
        response.StatusCode = status;
        if (json is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(json.ToJsonString());
        }
        else if (status is StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout)
        {
            // What the gateway in front of Zalo answers: an HTML page, which a client must not try to read as JSON.
            var reason = ReasonPhrases.GetReasonPhrase(status);
            response.ContentType = "text/html";
            await response.WriteAsync($"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n</body>\r\n</html>\r\n");
        }
        // Any other bare status comes with an empty body.
    }
}
