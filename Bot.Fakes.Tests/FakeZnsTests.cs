using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatPay.Fakes.Zalo;

namespace ChatPay.Fakes.Tests;

/// <summary>The fake's ZNS answers as the protocol notes say Zalo's does: HTTP 200 always, a negative error for each refusal, a quota.</summary>
[Trait("Tier", "Integration")]
public class FakeZnsTests
{
    private const string Phone = "84912345678";

    private static JsonObject Body(string phone = Phone, string template = "250001", JsonNode? data = null, string? tracking = "H42_10-261127-0042-v1") =>
        new()
        {
            ["phone"] = phone,
            ["template_id"] = template,
            ["template_data"] = data ?? new JsonObject { ["ma_ho_so"] = "H42.10-261127-0042", ["so_tien"] = "200.000 ₫", ["ma_thanh_toan"] = "abc" },
            ["tracking_id"] = tracking,
        };

    private static async Task<int> SendAsync(FakeZaloServer fake, JsonObject body, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/message/template") { Content = JsonContent.Create(body) };
        request.Headers.Add("access_token", token ?? fake.CurrentAccessToken);
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetInt32();
    }

    public static TheoryData<string, JsonObject, int> Refusals => new()
    {
        { "a phone in 0… form", Body(phone: "0912345678"), -108 },
        { "an unknown template", Body(template: "999"), -109 },
        { "a template not approved", Body(template: "250002"), -131 },
        { "an amount as a number", Body(data: new JsonObject { ["ma_ho_so"] = "H42", ["so_tien"] = 200000, ["ma_thanh_toan"] = "abc" }), -112 },
        { "a missing parameter", Body(data: new JsonObject { ["ma_ho_so"] = "H42", ["so_tien"] = "1" }), -112 },
        { "no tracking id", Body(tracking: null), -112 },
        { "a tracking id with dots", Body(tracking: "H42.10"), -112 },
        { "a number without Zalo", Body(phone: "84987654321"), -118 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_fault_gets_its_error_and_sends_nothing(string _, JsonObject body, int error)
    {
        await using var fake = await FakeZaloServer.StartAsync();
        fake.RegisterPhone(Phone);

        Assert.Equal(error, await SendAsync(fake, body));
        Assert.Empty(fake.ZnsSent);
    }

    [Fact]
    public async Task A_valid_message_is_sent_once_per_call_until_the_quota_is_spent_and_a_wrong_token_is_minus_124()
    {
        await using var fake = await FakeZaloServer.StartAsync(new FakeZaloOptions { ZnsDailyQuota = 1 });
        fake.RegisterPhone(Phone);

        Assert.Equal(-124, await SendAsync(fake, Body(), token: "stolen"));
        Assert.Equal(0, await SendAsync(fake, Body()));
        Assert.Equal(-144, await SendAsync(fake, Body()));
        Assert.Equal("200.000 ₫", Assert.Single(fake.ZnsSent).Data["so_tien"]);
    }
}
