using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// Records as the SQL stores keep them: JSON in the shape LiteDB's mapper gives them (the members and key of
/// <see cref="RecordShapes"/>, LiteDB's extended JSON for instants and 64-bit numbers, no nulls), so a row reads the same
/// whoever wrote it — an earlier version through LiteDB's mapper, or the copy from a LiteDB file — but written and read by
/// System.Text.Json: LiteDB's mapper and its JSON were a quarter of a journey's CPU on SQLite. A test holds the two to the
/// same document for every stored type.
/// </summary>
public sealed class DocumentJson
{
    private readonly JsonSerializerOptions _options;

    public DocumentJson()
    {
        _options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Stored, never put in a page: Vietnamese text stays readable (and shorter) instead of \u-escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AsStored } },
        };
        _options.Converters.Add(new JsonStringEnumConverter());
        foreach (var converter in LiteDbJsonValues.Converters) _options.Converters.Add(converter);
        _options.MakeReadOnly(populateMissingResolver: false);
        // The records' contracts are built now, with the store, rather than by the first person's message.
        foreach (var record in RecordShapes.Records) _options.GetTypeInfo(record);
    }

    public string Serialize<T>(T item) => JsonSerializer.Serialize(item, _options);

    public T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, _options)!;

    /// <summary>
    /// ChatPay's types keep the members LiteDB keeps (every public property, computed ones included, but those
    /// <see cref="RecordShapes.NotStored"/>), the key under <c>_id</c>, and are read through private setters and hidden
    /// parameterless constructors as LiteDB reads them.
    /// </summary>
    private static void AsStored(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("ChatPay", StringComparison.Ordinal) != true) return;
        if (info.CreateObject is null && info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is { } hidden)
            info.CreateObject = () => hidden.Invoke(null);
        var notStored = RecordShapes.NotStored.GetValueOrDefault(info.Type) ?? [];
        var key = RecordShapes.KeyOf(info.Type);
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.AttributeProvider is not PropertyInfo member || notStored.Contains(member.Name))
            {
                info.Properties.RemoveAt(i);
                continue;
            }
            property.Name = member.Name == key ? "_id" : member.Name;
            if (property.Set is null && member.SetMethod is { } setter)
                property.Set = info.Type.IsValueType ? member.SetValue : (Action<object, object?>)typeof(DocumentJson).GetMethod(nameof(Setter), BindingFlags.Static | BindingFlags.NonPublic)!
                    .MakeGenericMethod(info.Type, member.PropertyType).Invoke(null, [setter])!;
        }
    }

    /// <summary>A private setter as a delegate (reflection's SetValue on every read would cost more than the rest).</summary>
    private static Action<object, object?> Setter<TRecord, TValue>(MethodInfo setter) where TRecord : class
    {
        var set = setter.CreateDelegate<Action<TRecord, TValue>>();
        return (record, value) => set((TRecord)record, (TValue)value!);
    }
}
