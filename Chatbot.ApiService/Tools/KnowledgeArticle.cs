namespace Chatbot.ApiService.Tools;

/// <summary>One entry of the knowledge base shipped in Data/knowledge.json.</summary>
public sealed record KnowledgeArticle(string Id, string Title, string[] Keywords, string Text);
