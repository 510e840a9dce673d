using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Chatbot.ApiService.Tools.Knowledge;

/// <summary>
/// Splits a Markdown document into passages at its headings, with Markdig's parser (the one the web
/// renders with), so a <c>#</c> line inside a code block is not a heading and underlined (setext)
/// headings are. Each heading of any level starts a passage that runs to the next heading; text
/// before the first heading is a passage headed by the file's name. Passages without text are left out.
/// </summary>
public static class MarkdownPassages
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static IEnumerable<Passage> Split(string document, string markdown)
    {
        var headings = Markdown.Parse(markdown, Pipeline).OfType<HeadingBlock>().ToArray();
        var untitled = Path.GetFileNameWithoutExtension(document);
        var start = 0;
        var heading = untitled;
        foreach (var next in headings)
        {
            if (Passage(document, heading, markdown[start..next.Span.Start]) is { } passage)
            {
                yield return passage;
            }
            heading = Title(next) is { Length: > 0 } title ? title : untitled;
            start = Math.Min(next.Span.End + 1, markdown.Length);
        }
        if (Passage(document, heading, markdown[start..]) is { } last)
        {
            yield return last;
        }
    }

    private static Passage? Passage(string document, string heading, string text) =>
        string.IsNullOrWhiteSpace(text) ? null : new Passage(document, heading, text.Trim());

    /// <summary>The heading's words without their markup: its literal and code inlines, line breaks as spaces.</summary>
    private static string Title(HeadingBlock heading)
    {
        var title = new StringBuilder();
        foreach (var inline in heading.Inline?.Descendants<Inline>() ?? Enumerable.Empty<Inline>())
        {
            _ = inline switch
            {
                LiteralInline literal => title.Append(literal.Content),
                CodeInline code => title.Append(code.Content),
                LineBreakInline => title.Append(' '),
                _ => title,
            };
        }
        return title.ToString().Trim();
    }
}
