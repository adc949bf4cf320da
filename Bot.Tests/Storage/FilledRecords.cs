using System.Collections;
using System.Reflection;

namespace ChatPay.Tests.Storage;

/// <summary>
/// An instance of a stored type with every member set, each to a value of its own (texts with Vietnamese, quotes and
/// line breaks; instants with an offset and ticks; numbers beyond 32 bits), down to the lists and records it holds.
/// </summary>
internal sealed class FilledRecords
{
    private int _next;

    public object Of(Type type) => Value(type, 0) ?? throw new InvalidOperationException($"{type} could not be filled.");

    private object? Value(Type type, int depth)
    {
        var seed = ++_next;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Value(underlying, depth);
        if (type == typeof(string)) return $"Phí \"hồ sơ\" số {seed}\n<b>&";
        if (type == typeof(int)) return 100 + seed;
        if (type == typeof(long)) return 5_000_000_000L + seed;
        if (type == typeof(decimal)) return 50_000.25m + seed;
        if (type == typeof(double)) return 1.5 + seed;
        if (type == typeof(bool)) return seed % 2 == 0;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, 28, 17, 30, 0, TimeSpan.FromHours(7)).AddTicks(1_234_567L * seed);
        if (type == typeof(DateTime)) return new DateTime(2026, 11, 28, 10, 30, 0, DateTimeKind.Utc).AddTicks(7_654_321L * seed);
        if (type == typeof(byte[])) return new byte[] { 1, 2, (byte)seed };
        if (type.IsEnum) return Enum.GetValues(type).GetValue(seed % Enum.GetValues(type).Length);
        if (type.IsArray) return Listed(type.GetElementType()!, depth, (element, items) => { var array = Array.CreateInstance(element, items.Count); items.CopyTo(array, 0); return array; });
        if (type.IsGenericType && type.GetGenericArguments() is [var key, var value] && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, value))!;
            // LiteDB's JSON writes a field's name as it is: the names a dictionary holds are plain words.
            if (depth < 3) for (var i = 0; i < 2; i++) dictionary[key == typeof(string) ? $"field{++_next}" : Value(key, depth + 1)!] = Value(value, depth + 1);
            return dictionary;
        }
        if (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IEnumerable).IsAssignableFrom(type))
            return Listed(item, depth, (_, items) => items);
        return depth > 3 ? null : Record(type, depth);
    }

    private object Listed(Type element, int depth, Func<Type, IList, object> shape)
    {
        var items = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        if (depth < 3) for (var i = 0; i < 2; i++) items.Add(Value(element, depth + 1));
        return shape(element, items);
    }

    private object Record(Type type, int depth)
    {
        const BindingFlags Instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        // The parameterless constructor, or the widest; never a record's copy constructor.
        var constructor = type.GetConstructors(Instance).Where(c => c.GetParameters() is not [var only] || only.ParameterType != type)
            .OrderBy(c => c.IsPublic ? 0 : 1).ThenBy(c => c.GetParameters().Length == 0 ? 0 : 1).ThenByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var instance = constructor.Invoke([.. parameters.Select(p => Value(p.ParameterType, depth + 1))]);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0
                || parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))) continue;
            property.SetValue(instance, Value(property.PropertyType, depth + 1));
        }
        return instance;
    }
}
