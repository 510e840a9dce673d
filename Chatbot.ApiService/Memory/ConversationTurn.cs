using Chatbot.Contracts.Api;

namespace Chatbot.ApiService.Memory;

/// <summary>One message of a conversation, as memory keeps it.</summary>
/// <param name="Tools">The tools the agent called for this answer (names only), in call order.</param>
/// <param name="Id">Stable across the hot store and the archive, so a retried archive write is not a duplicate.</param>
/// <param name="Sources">The passages of the operator's documents the answer's tools returned, if any.</param>
/// <param name="Feedback">The owner's vote on an answer; set through <see cref="IConversationStore.SetFeedbackAsync"/>.</param>
public sealed record ConversationTurn(
    string Role,
    string Content,
    DateTimeOffset At,
    string? Agent = null,
    string? RunId = null,
    bool Incomplete = false,
    IReadOnlyList<string>? Tools = null,
    string? Id = null,
    IReadOnlyList<AnswerSource>? Sources = null,
    TurnFeedback? Feedback = null)
{
    public const string User = "user";
    public const string Assistant = "assistant";
}
