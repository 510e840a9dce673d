using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Chatbot.Web.Markdown;

/// <summary>
/// Renders model output (untrusted) as HTML: raw HTML is escaped, not passed through; links and
/// images keep only http, https and mailto targets; links open in a new tab without an opener.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public string ToHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = SafeUrl(link.Url);
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
            link.GetAttributes().AddPropertyIfNotExist("target", "_blank");
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(link => SafeUrl(link.Url) is null))
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new CopyableCodeBlockRenderer());
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The URL when its scheme is safe or it is relative; null otherwise (rendered without href).</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        var trimmed = new string(url.Where(character => !char.IsControl(character) && !char.IsWhiteSpace(character)).ToArray());
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute))
        {
            return SafeSchemes.Contains(absolute.Scheme, StringComparer.OrdinalIgnoreCase) ? url : null;
        }
        return trimmed.Contains(':') ? null : url;
    }
}
