using System.Globalization;
using System.Text;

namespace Chatbot.Benchmarks.Reporting;

/// <summary>A markdown table built row by row, with numbers formatted the same way everywhere.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params object?[] cells)
    {
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select(_ => "---:")).Append("|\n");
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }
        return text.ToString();
    }

    public static string Format(object? value) => value switch
    {
        null => "–",
        double number when !double.IsFinite(number) => "–",
        double number when Math.Abs(number) >= 100 => number.ToString("N0", CultureInfo.InvariantCulture),
        double number when Math.Abs(number) >= 10 => number.ToString("0.0", CultureInfo.InvariantCulture),
        double number => number.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
