using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BsonMapper = LiteDB.BsonMapper;
using EntityMapper = LiteDB.EntityMapper;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// Records as the SQL stores keep them: JSON in the shape LiteDB's mapper gives them (<see cref="ChatPayMapper"/>'s fields,
/// names and ignored members, LiteDB's extended JSON for instants and 64-bit numbers, no nulls), so a row reads the same
/// whoever wrote it, but written and read by System.Text.Json: LiteDB's mapper and its JSON were a quarter of a journey's
/// CPU on SQLite. Which members a type has, and under which names, is taken from the mapper itself: one place says it.
/// </summary>
public sealed class DocumentJson
{
    private readonly Entities _mapper;
    private readonly Lock _gate = new();
    private readonly JsonSerializerOptions _options;

    public DocumentJson()
    {
        _mapper = ChatPayMapper.Configure(new Entities());
        _options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Stored, never put in a page: Vietnamese text stays readable (and shorter) instead of \u-escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AsLiteDbMapsIt } },
        };
        _options.Converters.Add(new JsonStringEnumConverter());
        foreach (var converter in LiteDbJsonValues.Converters) _options.Converters.Add(converter);
        _options.MakeReadOnly(populateMissingResolver: false);
    }

    public string Serialize<T>(T item) => JsonSerializer.Serialize(item, _options);

    public T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, _options)!;

    /// <summary>Learns how a type kept outside the domain's (a record table's) is mapped, before threads share it.</summary>
    public void Map(Type type)
    {
        lock (_gate) ChatPayMapper.MapEveryPart(_mapper, [type]);
    }

    /// <summary>Keeps the members LiteDB's mapper keeps, under its names (<c>_id</c>), setting the ones it sets (also through a private setter).</summary>
    private void AsLiteDbMapsIt(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || EntityOf(info.Type) is not { } entity) return;
        // Records that keep their constructors for the domain hide a parameterless one for the mapper, as LiteDB needs.
        if (info.CreateObject is null && info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is { } hidden)
            info.CreateObject = () => hidden.Invoke(null);
        var members = entity.Members.Where(m => !m.IsIgnore).ToDictionary(m => m.MemberName);
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.AttributeProvider is not MemberInfo { Name: var name } || !members.TryGetValue(name, out var member))
            {
                info.Properties.RemoveAt(i);
                continue;
            }
            property.Name = member.FieldName;
            if (property.Set is null && member.Setter is { } setter) property.Set = (target, value) => setter(target, value);
        }
    }

    /// <summary>LiteDB's mapping of a ChatPay type, built under the lock if it was not yet (LiteDB 5.0.21 publishes a mapping before it is built).</summary>
    private EntityMapper? EntityOf(Type type)
    {
        if (type.Namespace?.StartsWith("ChatPay", StringComparison.Ordinal) != true) return null;
        lock (_gate)
        {
            if (!_mapper.Built.ContainsKey(type)) ChatPayMapper.MapEveryPart(_mapper, [type]);
            return _mapper.Built.GetValueOrDefault(type);
        }
    }

    /// <summary>A mapper that remembers the mappings it built (LiteDB keeps them internal).</summary>
    private sealed class Entities : BsonMapper
    {
        public ConcurrentDictionary<Type, EntityMapper> Built { get; } = new();

        protected override EntityMapper BuildAddEntityMapper(Type type) => Built[type] = base.BuildAddEntityMapper(type);
    }
}
