using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Chatbot.ApiService.Telemetry;

/// <summary>
/// The figures operators watch (the seed's guide named them): prewarm time, time to first token,
/// stream duration, tokens, open streams, runtime creations and reuse, tool calls; what an answer
/// costs: model calls and tokens by agent; and what users think of answers: votes by agent. Hot memory's
/// hits and misses are counted by the stores that know where a read was answered (Memory's HotMemoryMetrics).
/// Tags are bounded sets: never a user id, conversation id or text.
/// </summary>
public sealed class ChatbotMetrics
{
    public const string FeedbackVotes = "chatbot.feedback.votes";
    public const string FeedbackRetractions = "chatbot.feedback.retractions";

    private readonly Histogram<double> _prewarmDuration;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Histogram<double> _streamDuration;
    private readonly Counter<long> _tokens;
    private readonly UpDownCounter<long> _activeStreams;
    private readonly Counter<long> _runtimeReuse;
    private readonly Counter<long> _runtimeCreations;
    private readonly Counter<long> _toolCalls;
    private readonly Counter<long> _resumes;
    private readonly Histogram<int> _answerModelCalls;
    private readonly Histogram<long> _answerTokens;
    private readonly Counter<long> _feedbackVotes;
    private readonly Counter<long> _feedbackRetractions;

    /// <param name="meterName">Another name keeps the figures out of what the service exports (prewarm's rehearsals).</param>
    public ChatbotMetrics(IMeterFactory meters, string meterName = ChatbotTelemetry.ServiceName)
    {
        var meter = meters.Create(meterName);
        _prewarmDuration = meter.CreateHistogram<double>("chatbot.prewarm.duration", "ms", "Time each prewarm component took.");
        _timeToFirstToken = meter.CreateHistogram<double>("chatbot.stream.time_to_first_token", "ms", "From the start of a run to its first token.");
        _streamDuration = meter.CreateHistogram<double>("chatbot.stream.duration", "ms", "From the start of a run to its end.");
        _tokens = meter.CreateCounter<long>("chatbot.stream.tokens", "{token}", "Tokens streamed to clients.");
        _activeStreams = meter.CreateUpDownCounter<long>("chatbot.streams.active", "{stream}", "Runs producing an answer now.");
        _runtimeReuse = meter.CreateCounter<long>("chatbot.agent.runtime.reuse", "{request}", "Requests served by the runtime that already existed.");
        _runtimeCreations = meter.CreateCounter<long>("chatbot.agent.runtime.creations", "{runtime}", "Agent runtimes built; stays 1 per process.");
        _toolCalls = meter.CreateCounter<long>("chatbot.tool.calls", "{call}", "Tool calls by tool and outcome.");
        _answerModelCalls = meter.CreateHistogram<int>("chatbot.answer.model_calls", "{call}", "Model calls an answer made, by agent.");
        _answerTokens = meter.CreateHistogram<long>("chatbot.answer.tokens", "{token}", "Tokens an answer's model calls used, by agent and type (input or output), as the provider reported them.");
        _resumes = meter.CreateCounter<long>("chatbot.stream.resumes", "{request}", "Requests to resume a run's stream, by outcome.");
        _feedbackVotes = meter.CreateCounter<long>(FeedbackVotes, "{vote}", "Votes users gave answers, by agent and vote (up or down); a changed vote counts its new vote.");
        _feedbackRetractions = meter.CreateCounter<long>(FeedbackRetractions, "{vote}",
            "Votes withdrawn (changed or cleared), by agent and the vote withdrawn; votes minus retractions is the standing tally.");
    }

    public void PrewarmComponent(string component, double milliseconds) =>
        _prewarmDuration.Record(milliseconds, new KeyValuePair<string, object?>("component", component));

    public void StreamStarted() => _activeStreams.Add(1);

    public void StreamEnded(string provider, int level, string outcome, double? timeToFirstTokenMs, double durationMs, long tokens)
    {
        _activeStreams.Add(-1);
        var tags = new TagList { { "provider", provider }, { "level", level }, { "outcome", outcome } };
        if (timeToFirstTokenMs is { } ttft)
        {
            _timeToFirstToken.Record(ttft, tags);
        }
        _streamDuration.Record(durationMs, tags);
        _tokens.Add(tokens, new KeyValuePair<string, object?>("provider", provider));
    }

    /// <summary><paramref name="outcome"/>: resumed, unknown, not_owner, beyond_end, read_to_end or trimmed.</summary>
    public void StreamResumed(string outcome) => _resumes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>What one agent's model calls cost in one answer: calls first, a thousand times our CPU.</summary>
    public void ModelUsed(string agent, int calls, long inputTokens, long outputTokens)
    {
        var byAgent = new KeyValuePair<string, object?>("agent", agent);
        _answerModelCalls.Record(calls, byAgent);
        _answerTokens.Record(inputTokens, byAgent, new KeyValuePair<string, object?>("type", "input"));
        _answerTokens.Record(outputTokens, byAgent, new KeyValuePair<string, object?>("type", "output"));
    }

    /// <summary>A user's vote on an answer of <paramref name="agent"/> (a specialist; an answer of several counts for each).</summary>
    public void FeedbackGiven(string agent, string vote) => _feedbackVotes.Add(1, ByAgentAndVote(agent, vote));

    /// <summary>A vote replaced by another or cleared: counted under the vote withdrawn.</summary>
    public void FeedbackWithdrawn(string agent, string vote) => _feedbackRetractions.Add(1, ByAgentAndVote(agent, vote));

    public void RuntimeCreated() => _runtimeCreations.Add(1);

    public void RuntimeReused() => _runtimeReuse.Add(1);

    public void ToolCalled(string tool, string outcome) =>
        _toolCalls.Add(1, new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("outcome", outcome));

    private static TagList ByAgentAndVote(string agent, string vote) => new() { { "agent", agent }, { "vote", vote } };
}
