using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Tools;

/// <summary>The knowledge specialist's tools.</summary>
public sealed class KnowledgeTools(KnowledgeBase knowledge)
{
    public const string SearchKnowledge = "search_knowledge";

    [KernelFunction(SearchKnowledge)]
    [Description("Searches the energy knowledge base (solar PV, CAPEX, OPEX, payback, tariffs, EV charging, storage) and returns the matching articles.")]
    public string Search([Description("What to look up, in plain words")] string query)
    {
        var matches = knowledge.Search(query);
        return matches.Count == 0
            ? "No article matches."
            : string.Join("\n\n", matches.Select(article => $"{article.Title}: {article.Text}"));
    }
}
