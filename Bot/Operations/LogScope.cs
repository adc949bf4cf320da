using System.Collections;

namespace ChatPay.Bot.Operations;

/// <summary>
/// A log scope of named values. The JSON formatter reads it as fields (it is a list of pairs); the console logger
/// prints its ToString, "TxnRef=H42…_1, DossierCode=H42…" — a plain dictionary would print as its type name.
/// </summary>
public sealed class LogScope(params KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public LogScope(string key, object? value) : this(new KeyValuePair<string, object?>(key, value)) { }

    public KeyValuePair<string, object?> this[int index] => values[index];

    public int Count => values.Length;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
}
