using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>The two Zalo calls ChatPay makes: send a customer-service message, and refresh the OA's tokens.</summary>
public sealed class ZaloApi(HttpClient http, IOptions<ZaloOptions> options)
{
    /// <summary>Zalo's answer: error 0 is success; errors arrive with HTTP 200 and a negative code.</summary>
    public sealed record Answer(int Error, string? Message, string? MessageId);

    public sealed record Tokens(string AccessToken, string RefreshToken, TimeSpan ExpiresIn);

    public async Task<Answer> SendAsync(string accessToken, string userId, JsonObject message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.Value.ApiBaseUrl.TrimEnd('/')}/v3.0/oa/message/cs")
        {
            Content = JsonContent.Create(new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = message.DeepClone() }),
        };
        request.Headers.Add("access_token", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return ReadAnswer(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken), "message_id");
    }

    /// <summary>Zalo's answer envelope ({"error","message","data":{…}}), as its OA API and ZNS both send it; the id is data's <paramref name="idField"/>.</summary>
    public static Answer ReadAnswer(JsonElement body, string idField)
    {
        var error = body.TryGetProperty("error", out var code) && code.TryGetInt32(out var value) ? value : -1;
        var messageId = body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty(idField, out var id)
            ? id.ToString() : null;
        return new Answer(error, body.TryGetProperty("message", out var text) ? text.ToString() : null, messageId);
    }

    /// <summary>Trades the single-use refresh token for new tokens; throws <see cref="ZaloRefreshRefused"/> when Zalo says no.</summary>
    public async Task<Tokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.OAuthBaseUrl.TrimEnd('/')}/v4/oa/access_token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken,
                ["app_id"] = settings.AppId,
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.Add("secret_key", settings.AppSecret);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (body.TryGetProperty("access_token", out var access) && body.TryGetProperty("refresh_token", out var refresh))
        {
            // Zalo sends expires_in as a string of seconds.
            var seconds = body.TryGetProperty("expires_in", out var expires) && long.TryParse(expires.ToString(), out var s) ? s : 90_000;
            return new Tokens(access.GetString()!, refresh.GetString()!, TimeSpan.FromSeconds(seconds));
        }
        throw new ZaloRefreshRefused(body.TryGetProperty("error", out var error) ? error.ToString() : "?",
            body.TryGetProperty("error_name", out var name) ? name.ToString() : "");
    }
}

public sealed class ZaloRefreshRefused(string code, string name) : Exception($"Zalo refused the token refresh: {code} {name}");
