using System.Buffers;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Telemetry;
using Chatbot.Contracts.Api;

namespace Chatbot.ApiService.Feedback;

/// <summary>
/// The rules of a user's feedback on an answer: one vote ("up" or "down") per user and answer,
/// changeable and clearable, with an optional comment; only on a finished answer of the caller's
/// own conversation. Stored with the turn in conversation memory, and counted by specialist and
/// vote (<see cref="ChatbotMetrics.FeedbackVotes"/>, <see cref="ChatbotMetrics.FeedbackRetractions"/>).
/// </summary>
public sealed class AnswerFeedback(IConversationStore memory, ChatbotMetrics metrics, TimeProvider clock)
{
    public const string UnknownAgent = "unknown";

    /// <summary>Control characters a comment may not hold: all but \n, \r and \t (they could forge lines downstream).</summary>
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')).ToArray());

    /// <summary>Sets the caller's vote on the answer of <paramref name="runId"/>, replacing any earlier one; a blank comment is none.</summary>
    public async Task<FeedbackResult> VoteAsync(ConversationKey key, string runId, string? vote, string? comment, CancellationToken cancellationToken)
    {
        if (vote is not (FeedbackRequest.Up or FeedbackRequest.Down))
        {
            return FeedbackResult.Invalid("vote", $"The vote must be \"{FeedbackRequest.Up}\" or \"{FeedbackRequest.Down}\".");
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > FeedbackRequest.MaxCommentLength)
        {
            return FeedbackResult.Invalid("comment", $"The comment must be at most {FeedbackRequest.MaxCommentLength} characters.");
        }
        if (comment is not null && comment.AsSpan().ContainsAny(ForbiddenControls))
        {
            return FeedbackResult.Invalid("comment", "The comment must not contain control characters other than line breaks and tabs.");
        }
        return await StoreAsync(key, runId, new TurnFeedback(vote, comment, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>Withdraws the caller's vote on the answer, if any: undoing a vote is as easy as giving one.</summary>
    public Task<FeedbackResult> ClearAsync(ConversationKey key, string runId, CancellationToken cancellationToken) =>
        StoreAsync(key, runId, null, cancellationToken);

    private async Task<FeedbackResult> StoreAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken)
    {
        // The read also brings an expired conversation back from the archive, where the vote then goes too.
        var turns = await memory.GetTurnsAsync(key, cancellationToken);
        if (turns.Count == 0)
        {
            return FeedbackResult.ConversationNotFound;
        }
        var answer = turns.LastOrDefault(turn => turn.Role == ConversationTurn.Assistant && turn.RunId == runId);
        if (answer is null)
        {
            return FeedbackResult.AnswerNotFound;
        }
        if (answer.Incomplete)
        {
            return FeedbackResult.Invalid("run_id", "This answer is incomplete: only a finished answer takes feedback.");
        }
        var update = await memory.SetFeedbackAsync(key, runId, feedback, cancellationToken);
        if (!update.Found)
        {
            return FeedbackResult.AnswerNotFound; // erased or expired since it was read
        }
        Count(answer.Agent, update.Previous?.Vote, feedback?.Vote);
        return new FeedbackResult(FeedbackStatus.Stored, feedback);
    }

    /// <summary>A changed vote withdraws the old one and gives the new; a new comment under the same vote counts nothing.</summary>
    private void Count(string? agent, string? previous, string? current)
    {
        if (previous == current)
        {
            return;
        }
        foreach (var specialist in Specialists(agent))
        {
            if (previous is not null)
            {
                metrics.FeedbackWithdrawn(specialist, previous);
            }
            if (current is not null)
            {
                metrics.FeedbackGiven(specialist, current);
            }
        }
    }

    /// <summary>An answer's agent is one specialist, or several joined by ", " when parts went to different ones.</summary>
    private static IEnumerable<string> Specialists(string? agent) =>
        string.IsNullOrWhiteSpace(agent) ? [UnknownAgent] : agent.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
