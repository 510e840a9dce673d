using Bunit;
using Chatbot.Web.Chat;
using Chatbot.Web.Components.Pages.Chat;
using Chatbot.Web.Markdown;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Web;

public sealed class ChatMessageItemTests : BunitContext
{
    public ChatMessageItemTests() => Services.AddSingleton<MarkdownRenderer>();

    [Fact]
    public void Renders_streamed_tokens_as_they_arrive()
    {
        var message = new ChatMessage(ChatRole.Assistant) { IsStreaming = true };
        var item = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, message));

        message.Append("Solar ");
        item.Render();
        var first = item.Find(".assistant-text").TextContent;
        message.Append("**panels**");
        item.Render();

        Assert.Equal("Solar", first.Trim());
        Assert.Equal("panels", item.Find(".assistant-text strong").TextContent);
        Assert.Equal("true", item.Find("article").GetAttribute("data-streaming"));
    }

    [Fact]
    public void Does_not_render_again_when_nothing_changed()
    {
        var message = new ChatMessage(ChatRole.Assistant, "done");
        var item = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, message));
        var renders = item.RenderCount;

        item.Render();
        message.Append("!");
        item.Render();

        Assert.Equal(renders + 1, item.RenderCount);
    }

    [Fact]
    public void Escapes_html_and_drops_unsafe_links_from_model_output()
    {
        var message = new ChatMessage(ChatRole.Assistant,
            "<script>alert(1)</script> [x](javascript:alert(1)) [y](https://example.com) <img src=x onerror=alert(1)>");

        var item = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, message));

        Assert.Empty(item.FindAll("script"));
        Assert.Empty(item.FindAll("img"));
        Assert.Contains("&lt;script&gt;", item.Find(".assistant-text").InnerHtml);
        Assert.DoesNotContain(item.FindAll("a"), link => (link.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        var safe = item.FindAll("a").Single(link => link.GetAttribute("href") == "https://example.com");
        Assert.Equal("noopener noreferrer nofollow", safe.GetAttribute("rel"));
    }

    [Fact]
    public void Code_blocks_get_a_copy_button()
    {
        var item = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, new ChatMessage(ChatRole.Assistant, "```\nvar x = 1;\n```")));

        Assert.Equal("Copy", item.Find(".code-block > button.copy-code").TextContent);
        Assert.Equal("var x = 1;", item.Find(".code-block pre code").TextContent.Trim());
    }

    [Fact]
    public void User_text_is_shown_as_plain_text()
    {
        var item = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, new ChatMessage(ChatRole.User, "<b>bold?</b>")));

        Assert.Empty(item.FindAll("b"));
        Assert.Equal("<b>bold?</b>", item.Find(".user-text").TextContent);
    }

    [Fact]
    public void Shows_the_reasoning_timeline_only_when_asked()
    {
        var message = new ChatMessage(ChatRole.Assistant, "answer");
        message.AddStep(new ReasoningStep(ReasoningStepKind.Agent, "finance", ""));
        message.AddStep(new ReasoningStep(ReasoningStepKind.Tool, "calculate_payback", "{\"capexEur\":\"1\"}"));
        message.CompleteTool("calculate_payback", "Payback: 1.0 years");

        var hidden = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, message));
        var shown = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, message).Add(p => p.ShowReasoning, true));

        Assert.Empty(hidden.FindAll("details.reasoning"));
        Assert.Contains("finance", shown.Find(".step.agent").TextContent);
        var tool = shown.Find(".step.tool");
        Assert.Contains("calculate_payback", tool.TextContent);
        Assert.Contains("capexEur", tool.TextContent);
        Assert.Contains("Payback: 1.0 years", tool.TextContent);
    }

    [Fact]
    public void Marks_an_answer_that_ended_early()
    {
        var item = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, new ChatMessage(ChatRole.Assistant, "partial") { Incomplete = true }));

        Assert.Equal("Answer incomplete.", item.Find(".incomplete-note").TextContent);
    }

    [Fact]
    public void Shows_a_reconnecting_status_only_while_a_streaming_answer_reconnects()
    {
        var message = new ChatMessage(ChatRole.Assistant, "partial") { IsStreaming = true };
        var item = Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, message));
        var before = item.FindAll(".reconnecting").Count;

        message.IsReconnecting = true;
        item.Render();
        var status = item.Find(".reconnecting");
        var shown = (status.GetAttribute("role"), status.TextContent);
        message.IsReconnecting = false;
        item.Render();

        Assert.Equal(0, before);
        Assert.Equal(("status", "Reconnecting…"), shown);
        Assert.Empty(item.FindAll(".reconnecting"));
    }
}
