using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ChatPay.Fakes;

/// <summary>A gateway request's fields by name, as the texts that were sent: what its signature covers.</summary>
internal static class RequestFields
{
    /// <summary>A JSON object's fields (a number keeps its raw text), or a form's where the gateway takes forms too; nothing for a body it cannot read.</summary>
    public static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request, bool formsToo = false)
    {
        if (formsToo && request.HasFormContentType) return (await request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString());
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The field's text, empty when it was not sent.</summary>
    public static string Text(this IReadOnlyDictionary<string, string> fields, string name) => fields.GetValueOrDefault(name, "");
}
