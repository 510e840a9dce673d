using System.Text.Json;

namespace Chatbot.ApiService.Tools;

/// <summary>The concepts the knowledge specialist explains, searched by keyword overlap.</summary>
public sealed class KnowledgeBase(IReadOnlyList<KnowledgeArticle> articles)
{
    public IReadOnlyList<KnowledgeArticle> Articles => articles;

    public static KnowledgeBase Load(string path) =>
        new(JsonSerializer.Deserialize<KnowledgeArticle[]>(File.ReadAllText(path), JsonSerializerOptions.Web) ?? []);

    /// <summary>The best matches, best first; none when no keyword matches.</summary>
    public IReadOnlyList<KnowledgeArticle> Search(string query, int limit = 2)
    {
        var words = TextMatching.Words(query);
        return articles
            .Select(article => (article, score: article.Keywords.Count(keyword => TextMatching.Mentions(words, query, keyword))))
            .Where(match => match.score > 0)
            .OrderByDescending(match => match.score)
            .Take(limit)
            .Select(match => match.article)
            .ToArray();
    }
}
