namespace Chatbot.ApiService.Memory;

/// <summary>A 1-based page of a list.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public ConversationPage Slice(IEnumerable<ConversationSummary> newestFirst, long total) =>
        new([.. newestFirst.Skip(Skip).Take(PageSize)], Page, PageSize, total);
}
