using System.Collections;

namespace Chatbot.ApiService.Logging;

/// <summary>
/// A log event's state with every text value redacted: what structured providers
/// (OpenTelemetry's attributes) read instead of the original state.
/// </summary>
public sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";

    private readonly KeyValuePair<string, object?>[] _values;

    private RedactedLogState(string message, KeyValuePair<string, object?>[] values)
    {
        Message = message;
        _values = values;
    }

    /// <summary>The formatted message, redacted.</summary>
    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public static RedactedLogState From<TState>(TState state, string message, SecretRedactor redactor) =>
        new(message, state is IEnumerable<KeyValuePair<string, object?>> values
            ? values.Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Key == OriginalFormat ? pair.Value : Redact(pair.Value, redactor))).ToArray()
            : []);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    /// <summary>
    /// Numbers, flags, dates and ids stay as they are; text, lists of text (header values) and any
    /// other object are redacted as text.
    /// </summary>
    private static object? Redact(object? value, SecretRedactor redactor) => value switch
    {
        null or Enum or decimal or DateTime or DateTimeOffset or TimeSpan or Guid => value,
        _ when value.GetType().IsPrimitive => value,
        string text => redactor.Redact(text),
        IEnumerable<string?> texts => texts.Select(text => text is null ? null : redactor.Redact(text)).ToArray(),
        _ => redactor.Redact(value.ToString() ?? ""),
    };
}
