using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace ChatPay.Bot.Hosting;

/// <summary>
/// Reads ChatPay's settings before anything binds them: a value that cannot be what its setting is (a gateway
/// "Live", a time "soon") stops the start with one sentence naming the setting, and a key under ChatPay's sections
/// that no setting reads (a typo such as Payments:Gatway) is reported, since a start on defaults nobody chose is
/// how misconfigured production services happen.
/// </summary>
public static class SettingsCheck
{
    /// <summary>Throws <see cref="SettingsException"/> for the first value that does not fit; returns the keys no setting reads.</summary>
    public static IReadOnlyList<string> Run(IConfiguration configuration)
    {
        var unknown = new List<string>();
        foreach (var (name, type) in ChatPaySections.All)
        {
            var section = configuration.GetSection(name);
            if (section.Exists()) Walk(section, type, unknown);
        }
        return unknown;
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> unknown)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            if (section.GetChildren().Any()) unknown.AddRange(section.GetChildren().Select(c => c.Path));
            else CheckValue(section, type);
            return;
        }
        if (ElementType(type) is { } element)
        {
            foreach (var child in section.GetChildren())
            {
                if (type.IsAssignableTo(typeof(IDictionary)) || int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    Walk(child, element, unknown);
                else unknown.Add(child.Path);
            }
            return;
        }
        foreach (var child in section.GetChildren())
        {
            // A section of its own inside this one (Payments:MoMo) is checked as such.
            if (ChatPaySections.All.ContainsKey(child.Path)) continue;
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !(property.CanWrite || ElementType(property.PropertyType) is not null)) unknown.Add(child.Path);
            else Walk(child, property.PropertyType, unknown);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type)
    {
        var value = section.Value;
        if (string.IsNullOrEmpty(value) || type == typeof(string)) return;
        if (type.IsEnum)
        {
            if (!Enum.GetNames(type).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
                throw new SettingsException($"{section.Path} is '{value}', which is not one of {string.Join(", ", Enum.GetNames(type))}.");
            return;
        }
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException || e.InnerException is FormatException or OverflowException)
        {
            throw new SettingsException($"{section.Path} is '{value}', which is not {Describe(type)}.");
        }
    }

    private static string Describe(Type type) =>
        type == typeof(TimeSpan) ? "a duration such as 00:15:00"
        : type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) || type == typeof(decimal) ? "a number"
        : $"a {type.Name}";

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(DateTimeOffset) || type == typeof(Uri);

    /// <summary>The element type of a list, array or string-keyed dictionary; null for anything else.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>))
            return type.GetGenericArguments()[0];
        if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>)) return type.GetGenericArguments()[1];
        return null;
    }
}
