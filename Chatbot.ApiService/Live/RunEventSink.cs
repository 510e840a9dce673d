using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Api;

namespace Chatbot.ApiService.Live;

/// <summary>
/// The producer's side of one run's stream buffer: the agent run writes events here, the HTTP
/// response only reads the channel. Numbers the events a client gets, drops the ones it did not
/// ask for, and keeps the whole answer for memory whatever the client's level.
/// </summary>
/// <remarks>
/// The buffer is unbounded with one reader and one writer: that channel hands an event over
/// without a lock, where a bounded one takes its lock on every write and read, and the writer
/// and reader of a fast stream then contend for it on every token. What it can hold is bounded
/// by the answer, which the sink keeps whole anyway.
/// </remarks>
public sealed class RunEventSink
{
    private readonly Channel<StreamEvent> _channel = Channel.CreateUnbounded<StreamEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly StreamEventSelection _selection;
    private readonly StringBuilder _answer = new();
    private readonly List<string> _tools = [];
    private readonly List<string> _speakers = [];
    private readonly List<AnswerSource> _sources = [];
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _sequence;
    private long? _firstTokenAt;
    private string? _currentAgent;

    public RunEventSink(StreamEventSelection selection) => _selection = selection;

    public ChannelReader<StreamEvent> Reader => _channel.Reader;

    public string Answer => _answer.ToString();

    /// <summary>
    /// For memory: the agents whose words are in the answer, in order ("portfolio, finance" when two
    /// specialists answered), or the last agent started when none has written yet.
    /// </summary>
    public string? Agent => _speakers.Count > 0 ? string.Join(", ", _speakers.Distinct()) : _currentAgent;

    /// <summary>The tools called for this answer, in call order, for memory.</summary>
    public IReadOnlyList<string> Tools
    {
        get
        {
            lock (_tools)
            {
                return [.. _tools];
            }
        }
    }

    /// <summary>The passages the answer's tools returned, each once, in the order first returned: for <c>complete</c> and memory.</summary>
    public IReadOnlyList<AnswerSource> Sources
    {
        get
        {
            lock (_sources)
            {
                return [.. _sources];
            }
        }
    }

    public int OutputTokens { get; private set; }

    /// <summary>1 for tokens only, 2 with reasoning events.</summary>
    public int Level => _selection.Level;

    /// <summary>The stream's first event, written before anything runs (a resumable run is opened with it).</summary>
    public void Start(string conversationId, string runId, string question)
    {
        var written = EmitAsync(StreamEvent.Started(conversationId, runId, question), CancellationToken.None);
        Debug.Assert(written.IsCompletedSuccessfully, "The buffer is unbounded: a write never waits.");
    }

    public ValueTask TokenAsync(string content, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            return ValueTask.CompletedTask;
        }
        _firstTokenAt ??= Stopwatch.GetTimestamp();
        if (_currentAgent is not null && (_speakers.Count == 0 || !ReferenceEquals(_speakers[^1], _currentAgent)))
        {
            _speakers.Add(_currentAgent);
        }
        _answer.Append(content);
        OutputTokens++;
        return EmitAsync(StreamEvent.Token(content), cancellationToken);
    }

    public ValueTask ThinkingAsync(string content, CancellationToken cancellationToken) =>
        content.Length == 0 ? ValueTask.CompletedTask : EmitAsync(StreamEvent.Thinking(content), cancellationToken);

    public ValueTask AgentStartAsync(string agent, CancellationToken cancellationToken)
    {
        _currentAgent = agent;
        return EmitAsync(StreamEvent.AgentStarted(agent), cancellationToken);
    }

    public ValueTask ToolStartAsync(string tool, string input, CancellationToken cancellationToken)
    {
        lock (_tools)
        {
            // A model may call tools in parallel.
            _tools.Add(tool);
        }
        return EmitAsync(StreamEvent.ToolStarted(tool, input), cancellationToken);
    }

    /// <summary>Records a passage a tool returned as one of the answer's sources (tools may run in parallel).</summary>
    public void Cite(AnswerSource source)
    {
        lock (_sources)
        {
            if (!_sources.Contains(source))
            {
                _sources.Add(source);
            }
        }
    }

    public ValueTask ToolEndAsync(string tool, string result, CancellationToken cancellationToken) =>
        EmitAsync(StreamEvent.ToolEnded(tool, result), cancellationToken);

    public RunStatistics Statistics(long inputTokens) => new(
        InputTokens: inputTokens,
        OutputTokens: OutputTokens,
        TimeToFirstTokenMs: _firstTokenAt is { } first ? Stopwatch.GetElapsedTime(_startedAt, first).TotalMilliseconds : null,
        DurationMs: Stopwatch.GetElapsedTime(_startedAt).TotalMilliseconds);

    /// <summary>Writes the terminal event and closes the buffer.</summary>
    public async ValueTask CompleteAsync(StreamEvent terminal, CancellationToken cancellationToken)
    {
        try
        {
            await EmitAsync(terminal, cancellationToken);
        }
        finally
        {
            _channel.Writer.TryComplete();
        }
    }

    private ValueTask EmitAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        if (!_selection.Includes(streamEvent.Type))
        {
            return ValueTask.CompletedTask;
        }
        streamEvent.Sequence = ++_sequence;
        return _channel.Writer.TryWrite(streamEvent)
            ? ValueTask.CompletedTask
            : _channel.Writer.WriteAsync(streamEvent, cancellationToken);
    }
}
