using Chatbot.Tests.Knowledge.Support;
using Microsoft.Playwright;

namespace Chatbot.Tests.Browser;

/// <summary>The sources of an answer from the operator's documents, under the answer in a real browser.</summary>
public sealed class AnswerSourcesTests(AnswerSourcesTests.DocumentsStack stack) : IClassFixture<AnswerSourcesTests.DocumentsStack>
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_sources_show_under_the_finished_answer_and_again_after_a_reload()
    {
        var page = await stack.OpenChatAsync();

        await ChatPageTests.Ask(page, "How do I reset a charge point that hangs?");
        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]")).ToHaveCountAsync(1, new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        await ExpectSourcesAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/c/[0-9a-f]{32}"));

        // The conversation's own address: without a run to resume, what shows is the stored turn.
        await page.GotoAsync(new Uri(page.Url).GetLeftPart(UriPartial.Path));
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();

        await ExpectSourcesAsync(page);
    }

    /// <summary>A list labelled "Sources" under the answer, its first item the passage that answers.</summary>
    private static async Task ExpectSourcesAsync(IPage page)
    {
        var sources = page.Locator("article.assistant").Last.GetByRole(AriaRole.Region, new() { Name = "Sources" });
        await Assertions.Expect(sources).ToBeVisibleAsync();
        var first = sources.GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(first).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"^\s*{OperatorDocuments.ChargePoints}\s*›\s*Resetting a charge point\s*$"));
    }

    /// <summary>The web stack with the API reading the test's documents.</summary>
    public sealed class DocumentsStack : WebStackFixture
    {
        public OperatorDocuments Documents { get; } = new();

        protected override Dictionary<string, string> ApiSettings => new()
        {
            ["Chatbot__Knowledge__DocumentsPath"] = Documents.Folder,
            ["Chatbot__Llm__Offline__TokenDelayMs"] = "0",
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Documents.Dispose();
        }
    }
}
