using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>How domain types map to LiteDB documents, without the domain knowing LiteDB.</summary>
internal static class ChatPayMapper
{
    /// <summary>A mapper for ChatPay's records as <see cref="RecordShapes"/> describes them.</summary>
    public static BsonMapper Create()
    {
        // LiteDB trims strings and turns empty ones into null by default; ChatPay stores text as given.
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false };
        // LiteDB drops a DateTimeOffset's offset; store the UTC instant and read it back as UTC.
        mapper.RegisterType(
            serialize: value => new BsonValue(value.UtcDateTime),
            deserialize: bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));

        foreach (var (type, key) in RecordShapes.Keys) Build(mapper, type, "Id", key, false);
        foreach (var (type, members) in RecordShapes.NotStored)
            foreach (var member in members) Build(mapper, type, "Ignore", member);
        // The log's ids are LiteDB's own counter.
        mapper.Entity<ChatLogEntry>().Id(e => e.Id, autoId: true);
        MapEveryPart(mapper, RecordShapes.Records);
        return mapper;
    }

    /// <summary>Calls <c>mapper.Entity&lt;type&gt;().<paramref name="builderMethod"/>(x =&gt; x.<paramref name="member"/>, …)</c> for a type known at run time.</summary>
    private static void Build(BsonMapper mapper, Type type, string builderMethod, string member, params object[] more)
    {
        var builder = typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity))!.MakeGenericMethod(type).Invoke(mapper, null)!;
        var property = type.GetProperty(member) ?? throw new InvalidOperationException($"{type.Name} has no {member}.");
        var record = System.Linq.Expressions.Expression.Parameter(type);
        var access = System.Linq.Expressions.Expression.Lambda(typeof(Func<,>).MakeGenericType(type, property.PropertyType), System.Linq.Expressions.Expression.Property(record, property), record);
        builder.GetType().GetMethods().Single(m => m.Name == builderMethod && m.GetParameters().Length == 1 + more.Length)
            .MakeGenericMethod(property.PropertyType).Invoke(builder, [access, .. more]);
    }

    /// <summary>
    /// Builds the mapping of every type stored inside the root types now, on one thread. LiteDB publishes a type's
    /// mapping before it has finished building it, so two threads reading the first document with, say, a button
    /// could see it without its constructor and fail ("does not have a default constructor"): seen after restarts,
    /// when a delivery round and a poll read the chat log at once.
    /// </summary>
    public static void MapEveryPart(BsonMapper mapper, IEnumerable<Type> roots)
    {
        var entity = typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity))!;
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type)) continue;
            entity.MakeGenericMethod(type).Invoke(mapper, null);
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
                foreach (var part in PartsOf(property.PropertyType)) pending.Push(part);
        }
    }

    /// <summary>The types a property holds that map to documents of their own: classes and records, also as list elements.</summary>
    private static IEnumerable<Type> PartsOf(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type.IsGenericType ? type.GetGenericArguments() is [var only] ? only : null : type;
        if (element is null || element == typeof(string) || element.IsPrimitive || element.IsEnum || element.Namespace?.StartsWith("ChatPay", StringComparison.Ordinal) != true)
            return [];
        return [element];
    }
}
