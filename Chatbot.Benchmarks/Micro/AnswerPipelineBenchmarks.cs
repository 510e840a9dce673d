using System.Diagnostics;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Chatbot.ApiService;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chatbot.Benchmarks.Micro;

/// <summary>
/// One whole answer in-process, as the API produces it but without HTTP: the agent team on the
/// offline model at 0 ms a token (manager hand-off, tool call, answer), sink, and SSE frames
/// into a pipe. Two knowledge questions of different lengths share every fixed cost, so the
/// difference between them, divided by the difference in tokens, is the cost of one more token
/// event. Memory is the in-process store (no Redis here), one conversation kept at its last two
/// turns and handed to the agents without history, so every answer reads and writes the same
/// amount. With <see cref="Tracing"/>, an activity listener records the gen_ai spans as the API's
/// OpenTelemetry set-up does.
/// </summary>
public class AnswerPipelineBenchmarks
{
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
    private IHost _host = null!;
    private ChatTurnRunner _runner = null!;
    private ActivityListener? _listener;

    /// <summary>56 and 99 token events.</summary>
    [Params("What is LCOE?", "Explain tariffs and OPEX")]
    public string Question { get; set; } = "";

    [Params(false, true)]
    public bool Tracing { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Llm:Offline:TokenDelayMs"] = "0",
            ["Chatbot:Memory:MaxHotTurns"] = "2",
            ["Chatbot:Memory:HistoryCharacterBudget"] = "0",
        });
        builder.AddChatbotApi(builder.AddChatbotStores());
        _host = builder.Build();
        _runner = _host.Services.GetRequiredService<ChatTurnRunner>();
        // Built once here, so no measured answer pays for it.
        await _host.Services.GetRequiredService<AgentRuntimeProvider>().GetAsync();
        if (Tracing)
        {
            _listener = RecordingListener();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _host.Dispose();
    }

    [Benchmark]
    public async Task<int> WholeAnswer()
    {
        var sink = new RunEventSink(StreamEventSelection.TokensOnly);
        var turn = new ChatTurn(Question, "benchmark", new AltecoContext { UserId = "u-100", TenantId = "t-100" });
        sink.Start(turn.ConversationId, turn.RunId, turn.Question);
        var producer = _runner.ProduceAsync(turn, sink, CancellationToken.None);
        var frames = new SseFrameWriter(_pipe.Writer);
        var tokens = 0;
        await foreach (var streamEvent in sink.Reader.ReadAllAsync())
        {
            await frames.WriteAsync(streamEvent, CancellationToken.None);
            if (_pipe.Reader.TryRead(out var read))
            {
                _pipe.Reader.AdvanceTo(read.Buffer.End);
            }
            tokens += streamEvent.Type == StreamEventType.Token ? 1 : 0;
        }
        await producer;
        return tokens;
    }

    private static ActivityListener RecordingListener()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => ChatbotTelemetry.ActivitySourceNames.Any(name =>
                name.EndsWith('*') ? source.Name.StartsWith(name[..^1], StringComparison.Ordinal) : source.Name == name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
