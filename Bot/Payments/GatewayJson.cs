using System.Net.Http.Json;
using System.Text.Json;

namespace ChatPay.Bot.Payments;

/// <summary>The JSON the wallets' APIs speak, read as the flat fields their signatures cover (a number keeps its raw text).</summary>
public static class GatewayJson
{
    /// <summary>
    /// A JSON object's scalar fields; a list of objects (MoMo's refundTrans, say) as "name[i].field". Null for anything but
    /// an object. Signatures cover named scalar fields only, so the listed ones never change what is checked.
    /// </summary>
    public static Dictionary<string, string>? Fields(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in property.Value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    foreach (var (name, value) in Fields(item)!) fields[$"{property.Name}[{index}].{name}"] = value;
                    index++;
                }
            }
            else if (Scalar(property.Value) is { } text) fields[property.Name] = text;
        }
        return fields;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>Reads a request body as fields; null when it is not a JSON object.</summary>
    public static async Task<Dictionary<string, string>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return Fields(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Posts <paramref name="body"/> as JSON and reads the answer's fields; throws <see cref="GatewayUnreachable"/> for no usable answer.</summary>
    public static async Task<Dictionary<string, string>> PostAsync(HttpClient http, string url, object body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
            return Fields(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken))
                ?? throw new GatewayUnreachable($"HTTP {(int)response.StatusCode}, not a JSON object");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException)
        {
            throw new GatewayUnreachable(e.GetType().Name);
        }
    }

    /// <summary>Long fields as gateways send them: whole numbers; anything else reads as -1, which matches no amount.</summary>
    public static long Long(IReadOnlyDictionary<string, string> fields, string name) =>
        long.TryParse(fields.GetValueOrDefault(name), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : -1;
}

/// <summary>A gateway gave no usable answer (network, timeout, not JSON).</summary>
public sealed class GatewayUnreachable(string reason) : Exception(reason);
