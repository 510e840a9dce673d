using Chatbot.ApiService.Runs;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Answers;

/// <summary>One question to answer: what, in which conversation, for whom.</summary>
public sealed record ChatTurn(string Question, string ConversationId, AltecoContext Identity)
{
    public string RunId { get; } = RunGroup.NewRunId(Identity.Owner);

    /// <summary>
    /// The ids of the turns it stores, given at birth: every store (hot, archive, the write-back
    /// after an outage) tells a repeated write from a new turn, and a partial answer kept after a
    /// write whose reply was lost replaces nothing twice.
    /// </summary>
    public string QuestionTurnId { get; } = Guid.CreateVersion7().ToString("N");

    public string AnswerTurnId { get; } = Guid.CreateVersion7().ToString("N");
}
