using System.Text.Json;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;

namespace ChatPay.Bot.Api;

/// <summary>
/// Reads a payment request from JSON by hand, so every wrong field — missing, of the wrong type, out of range —
/// gets its own message, keyed by its JSON path.
/// </summary>
public static class PaymentRequestReader
{
    public const int MaxLines = 50;
    public const long MaxAmount = 100_000_000_000;

    public static (PaymentRequest? Request, Dictionary<string, string[]> Errors) Read(JsonElement body, ChatPayRules rules)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (body.ValueKind != JsonValueKind.Object)
        {
            Fail("$", "The body must be a JSON object.");
            return (null, errors);
        }

        var code = Text(body, "dossierCode", 64, Fail);
        string? canonical = null;
        if (code is not null)
        {
            if (DossierCodeReader.Read(code) is DossierCodeReading.Found found) canonical = found.Code.Value;
            else Fail("dossierCode", "Not a dossier code (expected e.g. H42.10-261125-0001).");
        }
        var procedure = Text(body, "procedureName", 500, Fail);
        var agency = Text(body, "agencyCode", 32, Fail);
        if (agency is not null && rules.Staff.Agency(agency) is null) Fail("agencyCode", $"Unknown agency '{agency}'. Agencies are configured in Staff:Agencies.");
        var applicant = Text(body, "applicantName", 200, Fail);
        var phone = OptionalPhone(body, Fail);
        var fees = Fees(body, Fail);

        return errors.Count == 0 ? (new PaymentRequest(canonical!, procedure!, agency!, applicant!, phone, fees!), errors) : (null, errors);
    }

    private const string InvalidText = "Must be valid Unicode text (no invalid UTF-8, no lone surrogate escapes such as \\ud800).";

    /// <summary>The string, or null where it cannot be text: invalid UTF-8 bytes, or a \u escape of half a surrogate pair.</summary>
    private static string? StringOf(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement body, string name, int maxLength, Action<string, string> fail) => Text(body, name, name, maxLength, fail);

    private static string? Text(JsonElement body, string name, string path, int maxLength, Action<string, string> fail)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            fail(path, "Required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            fail(path, "Must be a string.");
            return null;
        }
        if (StringOf(value) is not { } raw)
        {
            fail(path, InvalidText);
            return null;
        }
        var text = TextPolish.Clean(raw);
        if (text.Length == 0) fail(path, "Must not be empty.");
        else if (text.Length > maxLength) fail(path, $"At most {maxLength} characters.");
        else return text;
        return null;
    }

    private static string? OptionalPhone(JsonElement body, Action<string, string> fail)
    {
        if (!body.TryGetProperty("applicantPhone", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        var phone = value.ValueKind == JsonValueKind.String ? StringOf(value)?.Replace(" ", "").Replace(".", "") : null;
        if (phone is null || phone.Length is < 8 or > 16 || !(phone.TrimStart('+').All(char.IsAsciiDigit) && phone.LastIndexOf('+') <= 0))
        {
            fail("applicantPhone", "Must be a phone number of 8 to 15 digits.");
            return null;
        }
        return phone;
    }

    private static List<FeeLine>? Fees(JsonElement body, Action<string, string> fail)
    {
        if (!body.TryGetProperty("fees", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            fail("fees", "Required: an array of fee and charge lines.");
            return null;
        }
        var count = value.GetArrayLength();
        if (count is 0 or > MaxLines)
        {
            fail("fees", $"Must hold 1 to {MaxLines} lines.");
            return null;
        }

        var lines = new List<FeeLine>();
        var index = 0;
        foreach (var line in value.EnumerateArray())
        {
            var path = $"fees[{index++}]";
            if (line.ValueKind != JsonValueKind.Object)
            {
                fail(path, "Must be an object with kind, name and amount.");
                continue;
            }
            var kindText = Text(line, "kind", $"{path}.kind", 10, fail);
            FeeKind? kind = kindText?.ToLowerInvariant() switch { "fee" => FeeKind.Fee, "charge" => FeeKind.Charge, _ => null };
            if (kindText is not null && kind is null) fail($"{path}.kind", "Must be \"fee\" (phí) or \"charge\" (lệ phí).");
            var name = Text(line, "name", $"{path}.name", 300, fail);
            var amount = Amount(line, $"{path}.amount", fail);
            if (kind is not null && name is not null && amount is not null) lines.Add(new FeeLine(kind.Value, name, amount.Value));
        }
        return lines.Count == count ? lines : null;
    }

    private static long? Amount(JsonElement line, string path, Action<string, string> fail)
    {
        if (!line.TryGetProperty("amount", out var value) || value.ValueKind != JsonValueKind.Number)
        {
            fail(path, "Required: a whole number of đồng.");
            return null;
        }
        if (!value.TryGetInt64(out var amount))
        {
            fail(path, "Must be a whole number of đồng.");
            return null;
        }
        if (amount is <= 0 or > MaxAmount)
        {
            fail(path, $"Must be more than 0 and at most {MaxAmount}.");
            return null;
        }
        return amount;
    }
}
