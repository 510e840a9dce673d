using System.ComponentModel;
using System.Text;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Tools.Knowledge;

/// <summary>The knowledge specialist's tools: a search of the operator's documents that cites what it returns.</summary>
public sealed class KnowledgeTools(KnowledgeLibrary library)
{
    public const string SearchKnowledge = "search_knowledge";
    public const string NothingFound = "No passage of the documents matches.";

    /// <summary>A passage longer than this reaches the model cut, so one long section cannot crowd out the others.</summary>
    public const int MaxPassageCharacters = 3000;

    [KernelFunction(SearchKnowledge)]
    [Description("Searches the operator's documents (by default articles on solar PV, CAPEX, OPEX, payback, tariffs, EV charging and storage) and returns the best passages, each followed by its source: the document and the heading.")]
    public async Task<string> SearchAsync(Kernel kernel, [Description("What to look up, in plain words")] string query)
    {
        var passages = await library.SearchAsync(query);
        if (passages.Count == 0)
        {
            return NothingFound;
        }
        var result = new StringBuilder();
        foreach (var passage in passages)
        {
            ToolSources.Cite(kernel, passage.Source);
            result.Append(Cut(passage.Text)).Append("\n\n").Append(Citation(passage)).Append("\n\n");
        }
        return result.ToString().TrimEnd();
    }

    /// <summary>How an answer names a passage it used: "(Source: capex.md › What CAPEX covers)".</summary>
    public static string Citation(Passage passage) => $"(Source: {passage.Document} › {passage.Heading})";

    private static string Cut(string text) => text.Length <= MaxPassageCharacters ? text : text[..MaxPassageCharacters] + "…";
}
