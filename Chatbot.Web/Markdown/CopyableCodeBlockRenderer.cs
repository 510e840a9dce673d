using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Chatbot.Web.Markdown;

/// <summary>Renders each code block with a Copy button before it; one delegated click handler copies.</summary>
public sealed class CopyableCodeBlockRenderer : CodeBlockRenderer
{
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        renderer.Write("<div class=\"code-block\"><button type=\"button\" class=\"copy-code\" aria-label=\"Copy code\">Copy</button>");
        base.Write(renderer, obj);
        renderer.Write("</div>");
    }
}
