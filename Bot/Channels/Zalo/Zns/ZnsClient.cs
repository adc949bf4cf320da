using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Vietnamese;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Channels.Zalo.Zns;

/// <summary>POST /message/template: one ZNS message to a phone number, with the OA's access token (a header, as for the OA API).</summary>
public sealed class ZnsClient(HttpClient http, IOptions<ZaloOptions> options)
{
    public const int TokenInvalid = -124;

    /// <summary>Error 0 is success (with msg_id); errors arrive with HTTP 200 and a negative code.</summary>
    public async Task<ZaloApi.Answer> SendAsync(string accessToken, PhoneMessage message, CancellationToken cancellationToken)
    {
        var zns = options.Value.Zns;
        var body = new JsonObject
        {
            ["phone"] = message.Phone,
            ["template_id"] = zns.TemplateId,
            // Every value a string, as ZNS requires (an amount too).
            ["template_data"] = new JsonObject
            {
                ["ma_ho_so"] = message.DossierCode,
                ["so_tien"] = Vnd.Format(message.Amount),
                ["ma_thanh_toan"] = message.LinkToken,
            },
            // One per request: the dossier code's dots are not allowed in a tracking id.
            ["tracking_id"] = message.Id.Replace('.', '_'),
        };
        if (zns.Mode.Length > 0) body["mode"] = zns.Mode;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{zns.ApiBaseUrl.TrimEnd('/')}/message/template") { Content = JsonContent.Create(body) };
        request.Headers.Add("access_token", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return ZaloApi.ReadAnswer(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken), "msg_id");
    }
}
