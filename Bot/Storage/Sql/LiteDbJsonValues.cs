using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// The values LiteDB's JSON writes as objects of one field (<c>{"$date": "…"}</c>, <c>{"$numberLong": "…"}</c>,
/// <c>{"$numberDecimal": "…"}</c>), written and read the same way by System.Text.Json: rows written by LiteDB's mapper
/// before stay readable, and the columns' JSON queries see the same values.
/// </summary>
internal static class LiteDbJsonValues
{
    public static IEnumerable<JsonConverter> Converters => [new Instant(), new UtcDateTime(), new Int64(), new Decimal()];

    /// <summary>ChatPay stores an instant as its UTC time (LiteDB has no offsets) and reads it back in UTC.</summary>
    private sealed class Instant : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(ParseDate(ReadExtended(ref reader, "$date")), TimeSpan.Zero);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            WriteExtended(writer, "$date", value.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
    }

    private sealed class UtcDateTime : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ParseDate(ReadExtended(ref reader, "$date"));

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            WriteExtended(writer, "$date", value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
    }

    private sealed class Int64 : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : long.Parse(ReadExtended(ref reader, "$numberLong"), CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
            WriteExtended(writer, "$numberLong", value.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class Decimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number ? reader.GetDecimal() : decimal.Parse(ReadExtended(ref reader, "$numberDecimal"), CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            WriteExtended(writer, "$numberDecimal", value.ToString(CultureInfo.InvariantCulture));
    }

    private static DateTime ParseDate(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static void WriteExtended(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString(name, value);
        writer.WriteEndObject();
    }

    /// <summary>The text of <c>{"<paramref name="name"/>": "…"}</c>, the reader left on its closing brace.</summary>
    private static string ReadExtended(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(name)
            || !reader.Read() || reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected {{\"{name}\": \"…\"}}.");
        var text = reader.GetString()!;
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject) throw new JsonException($"Expected the end of {{\"{name}\": \"…\"}}.");
        return text;
    }
}
