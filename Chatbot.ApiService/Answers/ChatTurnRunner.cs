using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Streaming;
using Chatbot.ApiService.Telemetry;
using Chatbot.Contracts.Streaming;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// Produces one answer after its start event: loads the conversation, runs the agent team into
/// the run's sink, saves the turn after <c>complete</c>, and ends the stream with exactly one
/// terminal event. A failure, an exceeded budget or a shutdown becomes an <c>error</c> event with
/// a safe message and a correlation id that is in the log; whatever was produced is kept, marked
/// incomplete.
/// </summary>
public sealed class ChatTurnRunner(
    AgentRuntimeProvider runtimes,
    IConversationStore memory,
    IOptions<MemoryOptions> memoryOptions,
    ModelClients model,
    IOptions<RunBudgetOptions> budgets,
    RunRegistry runs,
    ChatbotMetrics metrics,
    TimeProvider clock,
    ILogger<ChatTurnRunner> logger)
{
    public const string FailureMessage = "The assistant could not finish this answer. Please try again.";
    public const string BudgetMessage = "This answer reached its limit and was stopped.";
    public const string ShutdownMessage = "The server is restarting; please ask again.";

    /// <summary>The seed's answer when the model streamed nothing: streamed and stored, so the client and memory agree.</summary>
    public const string EmptyAnswerMessage = "I apologize, but I couldn't generate a response.";

    /// <summary>
    /// Starts the producer; the caller reads <paramref name="sink"/> while it runs.
    /// <paramref name="stop"/> is the request's abort token, or a resumable run's stop switch.
    /// </summary>
    public Task StartAsync(ChatTurn turn, RunEventSink sink, CancellationToken stop) =>
        Task.Run(() => ProduceAsync(turn, sink, stop), CancellationToken.None);

    /// <summary>Produces the answer on the calling thread (the micro benchmark measures it so).</summary>
    public async Task ProduceAsync(ChatTurn turn, RunEventSink sink, CancellationToken stopRequested)
    {
        using var tracked = runs.Track();
        using var span = ChatbotActivities.Source.StartActivity("chat run");
        span?.SetTag(ChatbotActivities.RunIdTag, turn.RunId).SetTag(ChatbotActivities.ConversationIdTag, turn.ConversationId);
        using var budget = new RunBudget(budgets.Value);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopRequested, budget.Token, runs.ShutdownToken);
        var run = new RunContext(turn.Identity, sink, budget);
        var key = new ConversationKey(turn.Identity.Owner, turn.ConversationId);
        var outcome = "failed";
        metrics.StreamStarted();
        // Debug: the completion line carries everything, so one line an answer is enough
        // (docs/lab/2026-11-25-load-and-micro.md).
        logger.LogDebug("Run {RunId} started: conversation {ConversationId}, provider {Provider}, level {Level}, {Identity}",
            turn.RunId, turn.ConversationId, model.Provider, sink.Level, turn.Identity);
        WarnWithoutTenant(turn);
        try
        {
            var history = await memory.GetTurnsAsync(key, stop.Token);
            var messages = ToMessages(history, memoryOptions.Value.HistoryCharacterBudget, turn.Question);

            var runtime = await runtimes.GetAsync();
            await runtime.RunAsync(messages, run, stop.Token);
            await StandInForNoAnswerAsync(turn, sink, stop.Token);

            await memory.AppendAsync(key, Turns(turn, sink, incomplete: false), stop.Token);
            await sink.CompleteAsync(StreamEvent.Completed(run.Statistics(), sink.Sources), stop.Token);
            outcome = "completed";
        }
        catch (OperationCanceledException) when (stopRequested.IsCancellationRequested)
        {
            outcome = "cancelled";
            logger.LogInformation("Run {RunId} cancelled: the client went away or asked to stop", turn.RunId);
            // A resumable run's followers need the end; a gone client's stream reads nothing more.
            await EndWithErrorAsync(turn, sink, key, StreamEvent.Cancelled(turn.RunId));
        }
        catch (OperationCanceledException) when (budget.ExceededLimit is { } limit)
        {
            outcome = "budget_exceeded";
            logger.LogWarning("Run {RunId} stopped: its {Limit} budget is spent", turn.RunId, limit);
            await EndWithErrorAsync(turn, sink, key, StreamEvent.Failed(BudgetMessage, StreamErrorCodes.BudgetExceededPrefix + limit, turn.RunId));
        }
        catch (OperationCanceledException) when (runs.ShutdownToken.IsCancellationRequested)
        {
            outcome = "shutdown";
            logger.LogWarning("Run {RunId} ended by shutdown", turn.RunId);
            await EndWithErrorAsync(turn, sink, key, StreamEvent.Failed(ShutdownMessage, StreamErrorCodes.ServerRestarting, turn.RunId));
        }
        catch (Exception exception)
        {
            span.RecordError(exception);
            logger.LogError(exception, "Run {RunId} failed (correlation id {CorrelationId})", turn.RunId, turn.RunId);
            await EndWithErrorAsync(turn, sink, key, StreamEvent.Failed(FailureMessage, StreamErrorCodes.AgentFailed, turn.RunId));
        }
        finally
        {
            Record(turn, sink, run, outcome);
        }
    }

    private void WarnWithoutTenant(ChatTurn turn)
    {
        if (string.IsNullOrEmpty(turn.Identity.TenantId))
        {
            logger.LogWarning("Run {RunId}: the request names no tenant", turn.RunId);
        }
    }

    private async Task StandInForNoAnswerAsync(ChatTurn turn, RunEventSink sink, CancellationToken cancellationToken)
    {
        if (sink.OutputTokens > 0)
        {
            return;
        }
        logger.LogWarning("Run {RunId}: the model streamed no answer for conversation {ConversationId}; the apology stands in", turn.RunId, turn.ConversationId);
        await sink.TokenAsync(EmptyAnswerMessage, cancellationToken);
    }

    private async Task EndWithErrorAsync(ChatTurn turn, RunEventSink sink, ConversationKey key, StreamEvent error)
    {
        await KeepPartialAsync(turn, sink, key);
        await sink.CompleteAsync(error, CancellationToken.None);
    }

    /// <summary>Keeps what was streamed before the run ended early, marked incomplete; never throws.</summary>
    private async Task KeepPartialAsync(ChatTurn turn, RunEventSink sink, ConversationKey key)
    {
        if (sink.OutputTokens == 0)
        {
            return;
        }
        try
        {
            await memory.AppendAsync(key, Turns(turn, sink, incomplete: true), CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Run {RunId}: the partial answer could not be kept", turn.RunId);
        }
    }

    private void Record(ChatTurn turn, RunEventSink sink, RunContext run, string outcome)
    {
        var statistics = run.Statistics();
        metrics.StreamEnded(model.Provider, sink.Level, outcome, statistics.TimeToFirstTokenMs, statistics.DurationMs, statistics.OutputTokens);
        foreach (var usage in run.Usage.ByAgent)
        {
            metrics.ModelUsed(usage.Agent, usage.Calls, usage.InputTokens, usage.OutputTokens);
        }
        logger.LogInformation(
            "Run {RunId} {Outcome}: conversation {ConversationId}, agent {Agent}, time to first token {TimeToFirstTokenMs:F1} ms, duration {DurationMs:F1} ms, tokens {OutputTokens}, model calls {ModelCalls}, input tokens {InputTokens}, {Identity}",
            turn.RunId, outcome, turn.ConversationId, sink.Agent, statistics.TimeToFirstTokenMs, statistics.DurationMs, statistics.OutputTokens, statistics.ModelCalls, statistics.InputTokens, turn.Identity);
    }

    private ConversationTurn[] Turns(ChatTurn turn, RunEventSink sink, bool incomplete)
    {
        var now = clock.GetUtcNow();
        return
        [
            new ConversationTurn(ConversationTurn.User, turn.Question, now, RunId: turn.RunId, Id: turn.QuestionTurnId),
            new ConversationTurn(ConversationTurn.Assistant, sink.Answer, now, sink.Agent, turn.RunId, incomplete, Tools: sink.Tools, Id: turn.AnswerTurnId,
                Sources: sink.Sources is { Count: > 0 } sources ? sources : null),
        ];
    }

    /// <summary>The stored turns as the messages the agents read: the newest that fit the character budget, then the question.</summary>
    private static List<ChatMessage> ToMessages(IReadOnlyList<ConversationTurn> turns, int characterBudget, string question)
    {
        var kept = new List<ChatMessage>();
        var remaining = characterBudget - question.Length;
        for (var i = turns.Count - 1; i >= 0 && remaining > 0; i--)
        {
            var turn = turns[i];
            if (turn.Content.Length > remaining)
            {
                break;
            }
            remaining -= turn.Content.Length;
            kept.Add(new ChatMessage(turn.Role == ConversationTurn.User ? ChatRole.User : ChatRole.Assistant, turn.Content));
        }
        kept.Reverse();
        kept.Add(new ChatMessage(ChatRole.User, question));
        return kept;
    }
}
