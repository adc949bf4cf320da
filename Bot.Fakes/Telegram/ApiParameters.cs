using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ChatPay.Fakes.Telegram;

/// <summary>
/// A call's parameters from the query string, a form (urlencoded or multipart) or a JSON body, as Telegram accepts them.
/// Form and query values are strings, so structured values (reply_markup, commands) may come as JSON text.
/// </summary>
internal sealed class ApiParameters
{
    private readonly Dictionary<string, JsonElement> _values;

    private ApiParameters(Dictionary<string, JsonElement> values) => _values = values;

    public static async Task<ApiParameters> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, JsonElement>();
        foreach (var (name, value) in request.Query) values[name] = JsonSerializer.SerializeToElement(value.ToString());
        if (request.HasFormContentType)
        {
            foreach (var (name, value) in await request.ReadFormAsync()) values[name] = JsonSerializer.SerializeToElement(value.ToString());
            return new ApiParameters(values);
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(body)) return new ApiParameters(values);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            throw ApiError.BadRequest("can't parse JSON object");
        }
        if (root.ValueKind != JsonValueKind.Object) throw ApiError.BadRequest("JSON object expected");
        foreach (var property in root.EnumerateObject()) values[property.Name] = property.Value;
        return new ApiParameters(values);
    }

    public string? Text(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => value.GetRawText(),
    };

    /// <summary>An integer parameter; a value that is present but not an integer is refused.</summary>
    public long? Long(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var number) => number,
        { ValueKind: JsonValueKind.String } value when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw ApiError.BadRequest($"invalid {name} specified"),
    };

    /// <summary>The chat_id; an @username names no chat the fake knows.</summary>
    public long ChatId()
    {
        var text = Text("chat_id");
        if (string.IsNullOrEmpty(text)) throw ApiError.BadRequest("chat_id is empty");
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : throw ApiError.BadRequest("chat not found");
    }

    /// <summary>The chat_id when it is a number, for the call log; never refuses.</summary>
    public long? ChatIdIfAny() =>
        long.TryParse(Text("chat_id"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;

    public bool Flag(string name) => Value(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } value => value.GetString() is "true" or "True" or "1",
        { ValueKind: JsonValueKind.Number } value => value.GetRawText() != "0",
        _ => false,
    };

    /// <summary>A structured parameter, given as JSON or as a string holding JSON.</summary>
    public JsonElement? Json(string name)
    {
        switch (Value(name))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } value:
                try
                {
                    return JsonDocument.Parse(value.GetString()!).RootElement;
                }
                catch (JsonException)
                {
                    throw ApiError.BadRequest($"can't parse {name} JSON object");
                }
            case var value:
                return value;
        }
    }

    private JsonElement? Value(string name) =>
        _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
