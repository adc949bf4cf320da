using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Api;

namespace ChatPay.Tests.Support;

/// <summary>The province's portal, calling ChatPay's payment-request API with its key.</summary>
public sealed class PortalClient(HttpClient http, string key = PortalClient.Key)
{
    public const string Key = "portal-key-0123456789abcdefghij";

    /// <summary>The settings that give the portal its key.</summary>
    public static IEnumerable<(string Key, string Value)> Settings => [("Api:Keys:0:Name", "Cổng DVC tỉnh"), ("Api:Keys:0:Key", Key)];

    public async Task<(HttpStatusCode Status, JsonElement View)> RequestAsync(string dossierCode, long amount = 200_000, string? phone = "0912 345 678")
    {
        using var request = Call(HttpMethod.Post, "/api/v1/payment-requests");
        request.Content = JsonContent.Create(new
        {
            dossierCode, procedureName = "Cấp Phiếu lý lịch tư pháp", agencyCode = "H42.10", applicantName = "Nguyễn Văn An", applicantPhone = phone,
            fees = new[] { new { kind = "fee", name = "Phí cung cấp thông tin", amount } },
        });
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        using var request = Call(method, path);
        return await http.SendAsync(request);
    }

    public async Task<JsonElement> DossierAsync(string dossierCode)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/dossiers/{dossierCode}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The token a request's web link carries.</summary>
    public static string TokenOf(JsonElement view) => view.GetProperty("links").GetProperty("web").GetString()!.Split("?ma=")[1];

    private HttpRequestMessage Call(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ApiKeyCheck.Header, key);
        return request;
    }
}
