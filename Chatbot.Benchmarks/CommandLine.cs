using System.Globalization;

namespace Chatbot.Benchmarks;

/// <summary>A mode's options: <c>--name value</c> pairs.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values;

    private CommandLine(Dictionary<string, string> values) => _values = values;

    public static CommandLine Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                values[args[i][2..]] = hasValue ? args[++i] : "true";
            }
        }
        return new CommandLine(values);
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int Number(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Decimal(string name, double fallback) =>
        _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public int[] Numbers(string name, int[] fallback) =>
        _values.TryGetValue(name, out var value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(item => int.Parse(item, CultureInfo.InvariantCulture)).ToArray()
            : fallback;
}
