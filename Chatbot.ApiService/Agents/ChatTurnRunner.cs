using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// Produces one answer: loads the conversation, runs the agent team into the run's sink, saves
/// the turn after <c>complete</c>, and ends the stream with exactly one terminal event. A failure
/// becomes an <c>error</c> event with a safe message and a correlation id that is in the log.
/// </summary>
public sealed class ChatTurnRunner(
    AgentRuntimeProvider runtimes,
    IConversationStore memory,
    IOptions<MemoryOptions> memoryOptions,
    TimeProvider clock,
    ILogger<ChatTurnRunner> logger)
{
    public const string FailureMessage = "The assistant could not finish this answer. Please try again.";

    /// <summary>Starts the producer; the caller reads <paramref name="sink"/> while it runs.</summary>
    public Task StartAsync(ChatTurn turn, RunEventSink sink, CancellationToken cancellationToken) =>
        Task.Run(() => ProduceAsync(runtime: null, turn, sink, remember: true, cancellationToken), CancellationToken.None);

    /// <summary>Runs on <paramref name="runtime"/>, or on the process's runtime when null.</summary>
    public async Task ProduceAsync(AgentRuntime? runtime, ChatTurn turn, RunEventSink sink, bool remember, CancellationToken cancellationToken)
    {
        var run = new RunContext(turn.Identity, sink);
        var key = new ConversationKey(turn.Identity.Owner, turn.ConversationId);
        try
        {
            await sink.StartAsync(turn.ConversationId, turn.RunId, cancellationToken);
            var history = remember ? await memory.GetTurnsAsync(key, cancellationToken) : [];
            var messages = ConversationHistory.ToMessages(history, memoryOptions.Value.HistoryCharacterBudget, turn.Question);

            runtime ??= await runtimes.GetAsync();
            await runtime.RunAsync(messages, run, cancellationToken);

            if (remember)
            {
                await memory.AppendAsync(key, Turns(turn, sink), cancellationToken);
            }
            await sink.CompleteAsync(StreamEvent.Completed(sink.Statistics(run.InputTokens)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Run {RunId} cancelled: the client went away", turn.RunId);
            sink.Abandon();
        }
        catch (Exception exception)
        {
            var correlationId = turn.RunId;
            logger.LogError(exception, "Run {RunId} failed (correlation id {CorrelationId})", turn.RunId, correlationId);
            await sink.CompleteAsync(StreamEvent.Failed(FailureMessage, "agent_failed", correlationId), CancellationToken.None);
        }
    }

    private ConversationTurn[] Turns(ChatTurn turn, RunEventSink sink)
    {
        var now = clock.GetUtcNow();
        return
        [
            new ConversationTurn(ConversationTurn.User, turn.Question, now, RunId: turn.RunId),
            new ConversationTurn(ConversationTurn.Assistant, sink.Answer, now, sink.Agent, turn.RunId, Tools: sink.Tools),
        ];
    }
}
