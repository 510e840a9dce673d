using Chatbot.ApiService.Tools.Knowledge;

namespace Chatbot.Tests.Knowledge;

/// <summary>How a Markdown document becomes passages: at its headings, as Markdown reads them.</summary>
public sealed class MarkdownPassagesTests
{
    [Fact]
    public void Every_heading_starts_a_passage_that_runs_to_the_next_and_a_heading_without_text_makes_none()
    {
        var passages = MarkdownPassages.Split("guide.md", """
            # Charge point operations

            ## Resetting a charge point

            Choose **Reset** on the `station` page.

            - soft reset
            - hard reset

            ### Hard reset
            The whole station reboots.
            """).ToArray();

        Assert.Equal(
            [("Resetting a charge point", "Choose **Reset** on the `station` page.\n\n- soft reset\n- hard reset"), ("Hard reset", "The whole station reboots.")],
            passages.Select(passage => (passage.Heading, passage.Text)));
        Assert.All(passages, passage => Assert.Equal("guide.md", passage.Document));
    }

    [Fact]
    public void A_hash_line_in_a_code_block_is_text_and_an_underlined_heading_is_a_heading()
    {
        var passages = MarkdownPassages.Split("setup/modbus.md", """
            Read this first.

            Unit ids
            --------

            ```sh
            # not a heading
            modbus-read --unit 3
            ```

            ## The `unit` id
            Three for SMA.
            """).ToArray();

        Assert.Equal(["modbus", "Unit ids", "The unit id"], passages.Select(passage => passage.Heading));
        Assert.Contains("# not a heading", passages[1].Text);
    }
}
