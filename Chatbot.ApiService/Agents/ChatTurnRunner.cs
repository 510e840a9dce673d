using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Streaming;
using Chatbot.ApiService.Telemetry;
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
    IOptions<LlmOptions> llm,
    ChatbotMetrics metrics,
    TimeProvider clock,
    ILogger<ChatTurnRunner> logger)
{
    public const string FailureMessage = "The assistant could not finish this answer. Please try again.";

    /// <summary>Starts the producer; the caller reads <paramref name="sink"/> while it runs.</summary>
    public Task StartAsync(ChatTurn turn, RunEventSink sink, CancellationToken cancellationToken) =>
        Task.Run(() => ProduceAsync(runtime: null, turn, sink, warmup: false, cancellationToken), CancellationToken.None);

    /// <summary>
    /// Runs on <paramref name="runtime"/>, or on the process's runtime when null. A warm-up run
    /// (prewarm) reads and stores no memory and is left out of the metrics.
    /// </summary>
    public async Task ProduceAsync(AgentRuntime? runtime, ChatTurn turn, RunEventSink sink, bool warmup, CancellationToken cancellationToken)
    {
        using var span = ChatbotActivities.Source.StartActivity("chat run");
        span?.SetTag(ChatbotActivities.RunIdTag, turn.RunId).SetTag(ChatbotActivities.ConversationIdTag, turn.ConversationId);
        var run = new RunContext(turn.Identity, sink);
        var key = new ConversationKey(turn.Identity.Owner, turn.ConversationId);
        var outcome = "failed";
        if (!warmup)
        {
            metrics.StreamStarted();
            logger.LogInformation("Run {RunId} started: conversation {ConversationId}, provider {Provider}, level {Level}, {Identity}",
                turn.RunId, turn.ConversationId, llm.Value.ProviderName, sink.Level, turn.Identity);
        }
        try
        {
            await sink.StartAsync(turn.ConversationId, turn.RunId, cancellationToken);
            var history = warmup ? [] : await memory.GetTurnsAsync(key, cancellationToken);
            if (!warmup)
            {
                metrics.HotRead(hit: history.Count > 0);
            }
            var messages = ConversationHistory.ToMessages(history, memoryOptions.Value.HistoryCharacterBudget, turn.Question);

            runtime ??= await runtimes.GetAsync();
            await runtime.RunAsync(messages, run, cancellationToken);

            if (!warmup)
            {
                await memory.AppendAsync(key, Turns(turn, sink), cancellationToken);
            }
            await sink.CompleteAsync(StreamEvent.Completed(sink.Statistics(run.InputTokens)), cancellationToken);
            outcome = "completed";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            logger.LogInformation("Run {RunId} cancelled: the client went away", turn.RunId);
            sink.Abandon();
        }
        catch (Exception exception)
        {
            var correlationId = turn.RunId;
            span.RecordError(exception);
            logger.LogError(exception, "Run {RunId} failed (correlation id {CorrelationId})", turn.RunId, correlationId);
            await sink.CompleteAsync(StreamEvent.Failed(FailureMessage, "agent_failed", correlationId), CancellationToken.None);
        }
        finally
        {
            if (!warmup)
            {
                Record(turn, sink, run, outcome);
            }
        }
    }

    private void Record(ChatTurn turn, RunEventSink sink, RunContext run, string outcome)
    {
        var statistics = sink.Statistics(run.InputTokens);
        metrics.StreamEnded(llm.Value.ProviderName, sink.Level, outcome, statistics.TimeToFirstTokenMs, statistics.DurationMs, statistics.OutputTokens);
        logger.LogInformation(
            "Run {RunId} {Outcome}: agent {Agent}, time to first token {TimeToFirstTokenMs:F1} ms, duration {DurationMs:F1} ms, tokens {OutputTokens}, input tokens {InputTokens}",
            turn.RunId, outcome, sink.Agent, statistics.TimeToFirstTokenMs, statistics.DurationMs, statistics.OutputTokens, statistics.InputTokens);
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
