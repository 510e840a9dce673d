namespace Chatbot.ApiService.Memory;

/// <summary>One conversation in its owner's list: what the sidebar shows.</summary>
/// <param name="Turns">All turns written, including those no longer kept hot.</param>
public sealed record ConversationSummary(string ConversationId, string Title, DateTimeOffset UpdatedAt, long Turns);
